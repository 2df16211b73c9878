import { mergeUsage, uncachedInputTokens, type CifReasoningOrigin, type CifStreamPart, type CifUsage } from '../../cif'
import type { GatewayError } from '../../errors/gateway-error'
import type { SerializeContext, StreamSerializer } from '../stream-serializer'
import { anthropicMessageId } from './anthropic-message-id'
import { anthropicSseEvent } from './anthropic-sse-event'
import { createAnthropicBlockSequencer } from './create-anthropic-block-sequencer'
import { toAnthropicErrorBody } from './to-anthropic-error-body'
import { toAnthropicSignature } from './to-anthropic-signature'
import { toAnthropicStopReason } from './to-anthropic-stop-reason'
import { toAnthropicToolUseId } from './to-anthropic-tool-use-id'
import { toAnthropicDeltaUsage, toAnthropicUsage } from './to-anthropic-usage'

export interface AnthropicStreamSerializerContext extends SerializeContext {
  /** The gateway's own count of the prompt, for message_start when the upstream reports input usage late or never. */
  estimatedInputTokens?: number
}

interface ReasoningState {
  /** Set for a redacted_thinking block, which arrives whole in its start event. */
  redactedData?: string
  origin?: CifReasoningOrigin
  itemId?: string
  signature?: string
  encryptedContent?: string
}

/** A freeform tool's raw text, streamed as the JSON string value of `{"input": …}` (see to-anthropic-tool-input.ts). */
function asJsonStringFragment(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}

/**
 * CIF stream parts → the Messages streaming grammar, and nothing beyond it: message_start (+ ping) →
 * content_block_start / content_block_delta (text_delta, thinking_delta, signature_delta, input_json_delta)
 * / content_block_stop, indexes 0, 1, 2 … → message_delta (stop reason, cumulative usage) → message_stop.
 * An `error` part ends the stream with an `error` event. Keep-alives are `ping` events.
 */
export function createAnthropicMessagesStreamSerializer(context: AnthropicStreamSerializerContext): StreamSerializer {
  const blocks = createAnthropicBlockSequencer()
  const reasoning = new Map<string, ReasoningState>()
  const customTools = new Set<string>()
  let started = false
  let ended = false
  let hasToolCalls = false
  let upstreamId: string | undefined
  let earlyUsage: CifUsage = {}

  function messageStart(): string {
    if (started) return ''
    started = true
    const inputTokens = uncachedInputTokens({ ...earlyUsage, inputTokens: earlyUsage.inputTokens ?? context.estimatedInputTokens ?? 0 })
    const message = {
      id: anthropicMessageId(upstreamId, context.requestId),
      type: 'message',
      role: 'assistant',
      model: context.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...toAnthropicUsage(earlyUsage), input_tokens: inputTokens },
    }
    return anthropicSseEvent({ type: 'message_start', message }) + anthropicSseEvent({ type: 'ping' })
  }

  function openReasoning(id: string, state: ReasoningState): string {
    if (blocks.isOpen(id)) return ''
    reasoning.set(id, state)
    const redacted = state.redactedData !== undefined
    return blocks.open(id, {
      contentBlock: redacted ? { type: 'redacted_thinking', data: state.redactedData } : { type: 'thinking', thinking: '', signature: '' },
      closingDeltas: () => {
        const signature = redacted ? '' : toAnthropicSignature(state)
        return signature ? [{ type: 'signature_delta', signature }] : []
      },
    })
  }

  function openTool(part: Extract<CifStreamPart, { type: 'tool-input-start' }>): string {
    if (blocks.isOpen(part.id)) return ''
    hasToolCalls = true
    const custom = part.kind === 'custom'
    if (custom) customTools.add(part.id)
    const opened = blocks.open(part.id, {
      contentBlock: { type: 'tool_use', id: toAnthropicToolUseId(part.id), name: part.toolName, input: {} },
      closingDeltas: () => (custom ? [{ type: 'input_json_delta', partial_json: '"}' }] : []),
    })
    return custom ? opened + blocks.delta(part.id, { type: 'input_json_delta', partial_json: '{"input":"' }) : opened
  }

  function finish(part: Extract<CifStreamPart, { type: 'finish' }>): string {
    const { stopReason, stopSequence } = toAnthropicStopReason(part.finishReason, hasToolCalls)
    const usage = toAnthropicDeltaUsage(mergeUsage(earlyUsage, part.usage))
    return (
      messageStart() +
      blocks.closeAll() +
      anthropicSseEvent({ type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: stopSequence }, usage }) +
      anthropicSseEvent({ type: 'message_stop' })
    )
  }

  function errorEvent(error: GatewayError): string {
    ended = true
    return anthropicSseEvent({ ...toAnthropicErrorBody(error) })
  }

  function writePart(part: CifStreamPart): string {
    switch (part.type) {
      case 'stream-start':
        return ''
      case 'response-metadata':
        upstreamId = part.id ?? upstreamId
        if (part.usage) earlyUsage = mergeUsage(earlyUsage, part.usage)
        return messageStart()
      case 'text-start':
        return messageStart() + blocks.open(part.id, { contentBlock: { type: 'text', text: '' } })
      case 'text-delta': {
        if (part.delta === '') return ''
        const opened = blocks.isOpen(part.id) ? '' : messageStart() + blocks.open(part.id, { contentBlock: { type: 'text', text: '' } })
        return opened + blocks.delta(part.id, { type: 'text_delta', text: part.delta })
      }
      case 'text-end':
        return blocks.close(part.id)
      case 'reasoning-start': {
        const state: ReasoningState = {}
        if (part.redactedData !== undefined) state.redactedData = part.redactedData
        if (part.origin) state.origin = part.origin
        if (part.itemId) state.itemId = part.itemId
        return messageStart() + openReasoning(part.id, state)
      }
      case 'reasoning-delta': {
        if (part.delta === '') return ''
        const opened = blocks.isOpen(part.id) ? '' : messageStart() + openReasoning(part.id, {})
        if (reasoning.get(part.id)?.redactedData !== undefined) return opened
        return opened + blocks.delta(part.id, { type: 'thinking_delta', thinking: part.delta })
      }
      case 'reasoning-signature': {
        const state = reasoning.get(part.id)
        if (state) state.signature = part.signature
        return ''
      }
      case 'reasoning-end': {
        const state = reasoning.get(part.id)
        if (state && part.encryptedContent) state.encryptedContent = part.encryptedContent
        reasoning.delete(part.id)
        return blocks.close(part.id)
      }
      case 'tool-input-start':
        return messageStart() + openTool(part)
      case 'tool-input-delta':
        if (part.delta === '') return ''
        return blocks.delta(part.id, { type: 'input_json_delta', partial_json: customTools.has(part.id) ? asJsonStringFragment(part.delta) : part.delta })
      case 'tool-input-end':
        customTools.delete(part.id)
        return blocks.close(part.id)
      case 'finish':
        ended = true
        return finish(part)
      case 'error':
        return errorEvent(part.error)
    }
  }

  return {
    write: (part) => (ended ? '' : writePart(part)),
    keepAlive: () => {
      if (ended) return ''
      return started ? anthropicSseEvent({ type: 'ping' }) : messageStart()
    },
    error: (error) => (ended ? '' : errorEvent(error)),
  }
}
