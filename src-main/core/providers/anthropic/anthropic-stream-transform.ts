import type { Transformer } from 'node:stream/web'
import type { Logger } from 'pino'
import type { CifStreamPart, CifWarning } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'
import type { ParseResult } from '../../sse/parse-json-event-stream'
import type { AnthropicStreamEvent, AnthropicUsage } from './anthropic-messages-api'
import { anthropicStreamError } from './anthropic-upstream-error'
import { customToolInput } from './custom-tool-input'
import { mapAnthropicStopReason } from './map-anthropic-stop-reason'
import { usageFromAnthropicWire } from './usage-from-anthropic-wire'

export interface AnthropicStreamTransformOptions {
  instanceId: string
  /** The request conversion's warnings, sent on `stream-start`. */
  warnings: CifWarning[]
  customToolNames: ReadonlySet<string>
  logger?: Logger
}

type OpenBlock =
  | { kind: 'text' | 'reasoning'; id: string }
  /** `startInput`: arguments a proxy put in content_block_start (the API sends `{}` and streams deltas). */
  | { kind: 'tool'; id: string; custom: boolean; json: string; startInput: string }
  | { kind: 'ignored' }

/**
 * Messages SSE events → CIF stream parts, one transform per stream. Blocks are keyed by the event's
 * `index`; a tool block's id is its tool_use id. A custom tool's JSON (`{"input": …}`) is buffered and
 * sent as its text when the block closes; so are arguments that arrived whole in content_block_start. Ends with `finish` on message_stop, or with an `error` part on
 * an `event: error`, an unreadable event, or a stream that stops before message_stop.
 */
export function createAnthropicStreamTransform(options: AnthropicStreamTransformOptions): TransformStream<ParseResult<AnthropicStreamEvent>, CifStreamPart> {
  return new TransformStream(createAnthropicStreamTransformer(options))
}

/** The transform's logic as a Transformer (synchronous), for createJsonSsePartStream to drive per network chunk. */
export function createAnthropicStreamTransformer(options: AnthropicStreamTransformOptions): Transformer<ParseResult<AnthropicStreamEvent>, CifStreamPart> {
  const blocks = new Map<number, OpenBlock>()
  let usage: AnthropicUsage = {}
  let stopReason: string | null | undefined
  let stopSequence: string | null | undefined
  let ended = false

  const fail = (controller: TransformStreamDefaultController<CifStreamPart>, error: UpstreamError) => {
    ended = true
    controller.enqueue({ type: 'error', error })
  }

  return {
    start(controller) {
      controller.enqueue({ type: 'stream-start', warnings: options.warnings })
    },
    transform(result, controller) {
      if (ended) return
      if (!result.success) {
        return fail(controller, new UpstreamError({ instanceId: options.instanceId, status: 502, code: 'invalid_stream_event', message: `The Anthropic upstream sent an unreadable "${result.event.event ?? 'message'}" event: ${result.error.message}` }))
      }
      const event = result.value
      switch (event.type) {
        case 'message_start': {
          usage = { ...event.message.usage }
          const { output_tokens: _output, ...inputUsage } = usage
          controller.enqueue({
            type: 'response-metadata',
            ...(event.message.id ? { id: event.message.id } : {}),
            ...(event.message.model ? { model: event.message.model } : {}),
            usage: usageFromAnthropicWire(inputUsage),
          })
          return
        }
        case 'content_block_start': {
          const block = event.content_block
          const id = block.type === 'tool_use' ? (block.id ?? `tool-${event.index}`) : String(event.index)
          if (block.type === 'text') {
            blocks.set(event.index, { kind: 'text', id })
            controller.enqueue({ type: 'text-start', id })
            if (block.text) controller.enqueue({ type: 'text-delta', id, delta: block.text })
          } else if (block.type === 'thinking' || block.type === 'redacted_thinking') {
            blocks.set(event.index, { kind: 'reasoning', id })
            const redacted = block.type === 'redacted_thinking' ? { redactedData: block.data ?? '' } : {}
            controller.enqueue({ type: 'reasoning-start', id, origin: { dialect: 'anthropic', instanceId: options.instanceId }, ...redacted })
            if (block.thinking) controller.enqueue({ type: 'reasoning-delta', id, delta: block.thinking })
          } else if (block.type === 'tool_use') {
            const custom = options.customToolNames.has(block.name ?? '')
            const startInput = isNonEmptyObject(block.input) ? JSON.stringify(block.input) : ''
            blocks.set(event.index, { kind: 'tool', id, custom, json: '', startInput })
            controller.enqueue({ type: 'tool-input-start', id, toolName: block.name ?? '', kind: custom ? 'custom' : 'function' })
          } else {
            blocks.set(event.index, { kind: 'ignored' })
            options.logger?.warn({ blockType: block.type }, 'an Anthropic content block the canonical stream cannot carry was left out')
          }
          return
        }
        case 'content_block_delta': {
          const block = blocks.get(event.index)
          const delta = event.delta
          if (!block) return fail(controller, new UpstreamError({ instanceId: options.instanceId, status: 502, code: 'invalid_stream_event', message: `The Anthropic upstream sent a delta for block ${event.index} before its start.` }))
          if (block.kind === 'text' && delta.type === 'text_delta' && delta.text) controller.enqueue({ type: 'text-delta', id: block.id, delta: delta.text })
          else if (block.kind === 'reasoning' && delta.type === 'thinking_delta' && delta.thinking) controller.enqueue({ type: 'reasoning-delta', id: block.id, delta: delta.thinking })
          else if (block.kind === 'reasoning' && delta.type === 'signature_delta' && delta.signature) controller.enqueue({ type: 'reasoning-signature', id: block.id, signature: delta.signature })
          else if (block.kind === 'tool' && delta.type === 'input_json_delta' && delta.partial_json) {
            block.json += delta.partial_json
            if (!block.custom) controller.enqueue({ type: 'tool-input-delta', id: block.id, delta: delta.partial_json })
          }
          return
        }
        case 'content_block_stop': {
          const block = blocks.get(event.index)
          blocks.delete(event.index)
          if (!block || block.kind === 'ignored') return
          if (block.kind === 'text') controller.enqueue({ type: 'text-end', id: block.id })
          else if (block.kind === 'reasoning') controller.enqueue({ type: 'reasoning-end', id: block.id })
          else if (block.kind === 'tool') {
            const json = block.json || block.startInput
            const text = block.custom ? customToolText(json) : block.json ? '' : json
            if (text) controller.enqueue({ type: 'tool-input-delta', id: block.id, delta: text })
            controller.enqueue({ type: 'tool-input-end', id: block.id })
          }
          return
        }
        case 'message_delta':
          if (event.delta?.stop_reason !== undefined) stopReason = event.delta.stop_reason
          if (event.delta?.stop_sequence !== undefined) stopSequence = event.delta.stop_sequence
          // message_delta counts are cumulative: newer fields replace the message_start ones.
          for (const [field, value] of Object.entries(event.usage ?? {})) if (value != null) usage = { ...usage, [field]: value }
          return
        case 'message_stop':
          ended = true
          controller.enqueue({ type: 'finish', finishReason: mapAnthropicStopReason(stopReason, stopSequence), usage: usageFromAnthropicWire(usage) })
          return
        case 'error':
          return fail(controller, anthropicStreamError(options.instanceId, event.error))
        case 'ping':
        case 'unknown':
          return
      }
    },
    flush(controller) {
      if (!ended) fail(controller, new UpstreamError({ instanceId: options.instanceId, status: 502, code: 'stream_truncated', message: 'The Anthropic upstream stream ended before message_stop.' }))
    },
  }
}

function isNonEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0
}

/** A custom tool's buffered `{"input": "…"}` → its text (the raw JSON if it does not parse). */
function customToolText(json: string): string {
  if (json === '') return ''
  try {
    return customToolInput(JSON.parse(json))
  } catch {
    return json
  }
}
