import type { Transformer } from 'node:stream/web'
import type { CifStreamPart, CifToolKind, CifUsage, CifWarning } from '../../cif'
import type { GatewayError } from '../../errors/gateway-error'
import { UpstreamError } from '../../errors/upstream-error'
import type { ParseResult } from '../../sse/parse-json-event-stream'
import { convertOpenAiChatUsage } from './convert-openai-chat-usage'
import { describeOpenAiError } from './describe-openai-error'
import { generateToolCallId } from './generate-tool-call-id'
import { mapOpenAiFinishReason } from './map-openai-finish-reason'
import type { OpenAiChatChunk, OpenAiChatToolCallDelta, OpenAiErrorObject } from './openai-chat-api'
import { unwrapCustomToolInput } from './unwrap-custom-tool-input'

export interface OpenAiChatStreamTransformOptions {
  instanceId: string
  /** The request's conversion warnings, sent on `stream-start`. */
  warnings: CifWarning[]
  customToolsAsFunctions: ReadonlySet<string>
  generateId?: () => string
}

interface ToolCallState {
  id: string
  name?: string
  kind: CifToolKind
  /** A custom tool sent as a function: its `{"input": …}` is buffered and unwrapped at the end. */
  unwrap: boolean
  arguments: string
  emitted: number
  started: boolean
  ended: boolean
}

/**
 * Chat chunks → CIF parts, all per-stream state in this closure. Tool calls are keyed by their index;
 * the first delta names them (arguments may come with it); a missing id becomes `call_…`. The finish
 * waits for the end of the stream, since the usage chunk comes after the finish_reason. A bad chunk, an
 * `{"error":…}` chunk or a stream that ends without a finish_reason becomes an `error` part: a truncated
 * stream must not look like success.
 */
export function createOpenAiChatStreamTransform(options: OpenAiChatStreamTransformOptions): TransformStream<ParseResult<OpenAiChatChunk>, CifStreamPart> {
  return new TransformStream(createOpenAiChatStreamTransformer(options))
}

/** The transform's logic as a Transformer (synchronous), for createJsonSsePartStream to drive per network chunk. */
export function createOpenAiChatStreamTransformer(options: OpenAiChatStreamTransformOptions): Transformer<ParseResult<OpenAiChatChunk>, CifStreamPart> {
  const generateId = options.generateId ?? generateToolCallId
  const toolCalls = new Map<number, ToolCallState>()
  let lastToolIndex = 0
  let openBlock: { type: 'text' | 'reasoning'; id: string } | undefined
  let blockCount = 0
  let metadataSent = false
  let finishReason: string | undefined
  let stopReason: string | number | null | undefined
  let usage: CifUsage = {}

  type Controller = TransformStreamDefaultController<CifStreamPart>

  function fail(controller: Controller, error: GatewayError): void {
    controller.enqueue({ type: 'error', error })
    controller.terminate()
  }

  function closeBlock(controller: Controller): void {
    if (!openBlock) return
    controller.enqueue({ type: openBlock.type === 'text' ? 'text-end' : 'reasoning-end', id: openBlock.id })
    openBlock = undefined
  }

  function appendToBlock(controller: Controller, type: 'text' | 'reasoning', delta: string): void {
    if (openBlock?.type !== type) {
      closeBlock(controller)
      openBlock = { type, id: `${type}-${blockCount++}` }
      if (type === 'text') controller.enqueue({ type: 'text-start', id: openBlock.id })
      else controller.enqueue({ type: 'reasoning-start', id: openBlock.id, origin: { dialect: 'openai-chat', instanceId: options.instanceId } })
    }
    controller.enqueue({ type: type === 'text' ? 'text-delta' : 'reasoning-delta', id: openBlock.id, delta })
  }

  /**
   * Servers that omit `index` (Gemini's compat layer): a known id continues its call; a delta that
   * names a function starts a new one; anything else continues the last call touched.
   */
  function indexOf(delta: OpenAiChatToolCallDelta): number {
    if (delta.index != null) return delta.index
    const known = delta.id ? [...toolCalls.entries()].find(([, call]) => call.id === delta.id)?.[0] : undefined
    if (known !== undefined) return known
    if (delta.id || delta.function?.name || delta.custom?.name || toolCalls.size === 0) return toolCalls.size
    return lastToolIndex
  }

  function applyToolDelta(controller: Controller, delta: OpenAiChatToolCallDelta): void {
    const index = indexOf(delta)
    lastToolIndex = index
    let call = toolCalls.get(index)
    if (!call) {
      call = { id: delta.id || generateId(), kind: delta.type === 'custom' || delta.custom ? 'custom' : 'function', unwrap: false, arguments: '', emitted: 0, started: false, ended: false }
      toolCalls.set(index, call)
    }
    call.name ||= delta.function?.name || delta.custom?.name || undefined
    const piece = delta.function?.arguments ?? delta.custom?.input ?? ''
    call.arguments += typeof piece === 'string' ? piece : JSON.stringify(piece)
    if (!call.started && call.name) {
      closeBlock(controller)
      call.unwrap = call.kind === 'function' && options.customToolsAsFunctions.has(call.name)
      controller.enqueue({ type: 'tool-input-start', id: call.id, toolName: call.name, kind: call.unwrap ? 'custom' : call.kind })
      call.started = true
    }
    if (call.started && !call.unwrap && call.arguments.length > call.emitted) {
      controller.enqueue({ type: 'tool-input-delta', id: call.id, delta: call.arguments.slice(call.emitted) })
      call.emitted = call.arguments.length
    }
  }

  /** Ends every open block; false when a tool call never got a name (it cannot be answered). */
  function endBlocks(controller: Controller): boolean {
    closeBlock(controller)
    for (const call of toolCalls.values()) {
      if (!call.started) return false
      if (call.ended) continue
      if (call.unwrap) controller.enqueue({ type: 'tool-input-delta', id: call.id, delta: unwrapCustomToolInput(call.arguments) })
      controller.enqueue({ type: 'tool-input-end', id: call.id })
      call.ended = true
    }
    return true
  }

  function upstreamFailure(message: string, status = 502, body?: string): UpstreamError {
    return new UpstreamError({ instanceId: options.instanceId, status, message, body, code: 'upstream_stream_error' })
  }

  function errorChunk(error: OpenAiErrorObject): UpstreamError {
    const described = describeOpenAiError({ error }, 502)
    return new UpstreamError({
      instanceId: options.instanceId,
      status: described.status,
      message: described.message ?? 'The upstream reported an error in the middle of the stream.',
      body: JSON.stringify(error),
      code: described.code,
    })
  }

  return {
    start(controller) {
      controller.enqueue({ type: 'stream-start', warnings: options.warnings })
    },

    transform(result, controller) {
      if (!result.success) return fail(controller, upstreamFailure(`The upstream sent a stream chunk that is not valid: ${result.error.message}`, 502, result.event.data))
      const chunk = result.value
      if (chunk.error) return fail(controller, errorChunk(chunk.error))
      if (!metadataSent && (chunk.id || chunk.model)) {
        controller.enqueue({ type: 'response-metadata', ...(chunk.id ? { id: chunk.id } : {}), ...(chunk.model ? { model: chunk.model } : {}) })
        metadataSent = true
      }
      if (chunk.usage) usage = convertOpenAiChatUsage(chunk.usage)
      for (const choice of chunk.choices ?? []) {
        if ((choice.index ?? 0) !== 0 || finishReason !== undefined) continue
        const delta = choice.delta ?? {}
        const reasoning = delta.reasoning_content || delta.reasoning
        if (reasoning) appendToBlock(controller, 'reasoning', reasoning)
        const text = delta.content || delta.refusal
        if (text) appendToBlock(controller, 'text', text)
        for (const toolDelta of delta.tool_calls ?? []) applyToolDelta(controller, toolDelta)
        if (choice.finish_reason) {
          finishReason = choice.finish_reason
          stopReason = choice.stop_reason
          if (!endBlocks(controller)) return fail(controller, upstreamFailure('The upstream streamed a tool call without a name.'))
        }
      }
    },

    flush(controller) {
      if (finishReason === undefined) return fail(controller, upstreamFailure('The upstream stream ended without a finish reason (the answer is incomplete).'))
      controller.enqueue({ type: 'finish', finishReason: mapOpenAiFinishReason(finishReason, { sawToolCalls: toolCalls.size > 0, stopReason }), usage })
    },
  }
}
