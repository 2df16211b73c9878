import type { Transformer } from 'node:stream/web'
import type { Logger } from 'pino'
import type { CifReasoningOrigin, CifStreamPart, CifWarning } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'
import type { ParseResult } from '../../sse/parse-json-event-stream'
import type { GeminiResponse, GeminiUsage } from './gemini-api'
import { geminiStreamError } from './gemini-upstream-error'
import { mapGeminiFinishReason } from './map-gemini-finish-reason'
import { readGeminiPart, type GeminiPartReading } from './read-gemini-part'
import { toCifToolCall } from './to-cif-tool-call'
import { inputUsageFromGeminiMetadata, usageFromGeminiMetadata } from './usage-from-gemini-metadata'

export interface GeminiStreamTransformOptions {
  instanceId: string
  /** The request conversion's warnings, sent on `stream-start`. */
  warnings: CifWarning[]
  customToolNames: ReadonlySet<string>
  logger?: Logger
}

type Controller = TransformStreamDefaultController<CifStreamPart>

/**
 * streamGenerateContent SSE chunks → CIF stream parts, one transform per stream. Each chunk carries new
 * parts of the one candidate: consecutive text (or thought) parts share a block; a functionCall arrives
 * whole and becomes one tool block. A signature on a non-thought part becomes an empty reasoning block
 * right before it, as in convert-gemini-response. The stream ends with `finish` when the upstream closes
 * after a finishReason (or a prompt blockReason), and with an `error` part on an in-band error, an
 * unreadable chunk, or a close without either.
 */
export function createGeminiStreamTransform(options: GeminiStreamTransformOptions): TransformStream<ParseResult<GeminiResponse>, CifStreamPart> {
  return new TransformStream(createGeminiStreamTransformer(options))
}

/** The transform's logic as a Transformer (synchronous), for createJsonSsePartStream to drive per network chunk. */
export function createGeminiStreamTransformer(options: GeminiStreamTransformOptions): Transformer<ParseResult<GeminiResponse>, CifStreamPart> {
  const origin: CifReasoningOrigin = { dialect: 'gemini', instanceId: options.instanceId }
  let open: { kind: 'text' | 'reasoning'; id: string } | undefined
  let blockCount = 0
  let metadataSent = false
  let hasToolCalls = false
  let usage: GeminiUsage | null | undefined
  let finishReason: string | undefined
  let blockReason: string | undefined
  let ended = false

  const close = (controller: Controller) => {
    if (open) controller.enqueue({ type: open.kind === 'text' ? 'text-end' : 'reasoning-end', id: open.id })
    open = undefined
  }
  const openBlock = (controller: Controller, kind: 'text' | 'reasoning') => {
    if (open?.kind === kind) return open.id
    close(controller)
    open = { kind, id: String(blockCount++) }
    controller.enqueue(kind === 'text' ? { type: 'text-start', id: open.id } : { type: 'reasoning-start', id: open.id, origin })
    return open.id
  }
  /** The signature goes on the open reasoning block, or on a new empty one. */
  const signatureBlock = (controller: Controller, signature: string) => {
    const id = openBlock(controller, 'reasoning')
    controller.enqueue({ type: 'reasoning-signature', id, signature })
    close(controller)
  }
  const fail = (controller: Controller, error: UpstreamError) => {
    ended = true
    close(controller)
    controller.enqueue({ type: 'error', error })
  }

  function onPart(controller: Controller, reading: GeminiPartReading) {
    if (reading.type === 'thought') {
      const id = openBlock(controller, 'reasoning')
      if (reading.text) controller.enqueue({ type: 'reasoning-delta', id, delta: reading.text })
      // A signature closes its thought part; more thought text is a new part.
      if (reading.signature) signatureBlock(controller, reading.signature)
      return
    }
    if (reading.signature) {
      close(controller)
      signatureBlock(controller, reading.signature)
    }
    if (reading.type === 'text') {
      if (reading.text === '') return
      const id = openBlock(controller, 'text')
      controller.enqueue({ type: 'text-delta', id, delta: reading.text })
    } else if (reading.type === 'function-call') {
      close(controller)
      const call = toCifToolCall(reading, options.customToolNames)
      hasToolCalls = true
      controller.enqueue({ type: 'tool-input-start', id: call.toolCallId, toolName: call.toolName, kind: call.kind })
      controller.enqueue({ type: 'tool-input-delta', id: call.toolCallId, delta: call.input })
      controller.enqueue({ type: 'tool-input-end', id: call.toolCallId })
    } else options.logger?.warn({ partKind: reading.kind }, 'a Gemini part the canonical stream cannot carry was left out')
  }

  return {
    start(controller) {
      controller.enqueue({ type: 'stream-start', warnings: options.warnings })
    },
    transform(result, controller) {
      if (ended) return
      if (!result.success) {
        return fail(controller, new UpstreamError({ instanceId: options.instanceId, status: 502, code: 'invalid_stream_event', message: `The Gemini upstream sent an unreadable stream chunk: ${result.error.message}` }))
      }
      const chunk = result.value
      if (chunk.error) return fail(controller, geminiStreamError(options.instanceId, chunk.error))
      if (!metadataSent) {
        metadataSent = true
        controller.enqueue({
          type: 'response-metadata',
          ...(chunk.responseId ? { id: chunk.responseId } : {}),
          ...(chunk.modelVersion ? { model: chunk.modelVersion } : {}),
          usage: inputUsageFromGeminiMetadata(chunk.usageMetadata),
        })
      }
      if (chunk.usageMetadata) usage = chunk.usageMetadata
      if (chunk.promptFeedback?.blockReason) blockReason = chunk.promptFeedback.blockReason
      const candidate = chunk.candidates?.[0]
      for (const part of candidate?.content?.parts ?? []) onPart(controller, readGeminiPart(part))
      if (candidate?.finishReason) finishReason = candidate.finishReason
    },
    flush(controller) {
      if (ended) return
      if (finishReason === undefined && blockReason === undefined) {
        return fail(controller, new UpstreamError({ instanceId: options.instanceId, status: 502, code: 'stream_truncated', message: 'The Gemini upstream stream ended before a finishReason.' }))
      }
      close(controller)
      const reason = finishReason === undefined ? { unified: 'content-filter' as const, raw: blockReason! } : mapGeminiFinishReason(finishReason, hasToolCalls)
      controller.enqueue({ type: 'finish', finishReason: reason, usage: usageFromGeminiMetadata(usage) })
    },
  }
}
