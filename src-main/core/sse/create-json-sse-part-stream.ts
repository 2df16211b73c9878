import type { Transformer } from 'node:stream/web'
import type { z } from 'zod'
import { createSseDecoder } from './create-sse-decoder'
import { parseJsonSseEvent, type JsonFastPath, type ParseResult } from './parse-json-sse-event'

export interface JsonSsePartStreamOptions<T, P> {
  body: ReadableStream<Uint8Array>
  schema: z.ZodType<T>
  fastPath?: JsonFastPath<T>
  /** The provider's chunk → part transform, as it would be given to `new TransformStream(…)` (synchronous). */
  transformer: Transformer<ParseResult<T>, P>
  /**
   * A body that breaks off (or a transform that throws) → the part that ends the stream (what
   * endStreamWithErrorPart does after a pipeline); undefined → the stream errors with it (a bare pipeline).
   */
  errorPart?: (error: unknown) => P | undefined
}

/**
 * Upstream SSE bytes → parts in one pull-based stream: each network chunk is decoded, split into events,
 * JSON-parsed, checked and transformed synchronously, where the same steps as web streams
 * (TextDecoderStream → EventSourceParserStream → parse → transform → error part) cost a promise hop and
 * a queue per stage and event. The output is the same parts in the same order: the transformer runs
 * against a stand-in for its TransformStream controller (`terminate()` ends the stream and cancels the
 * body, as piping does), and each pull reads until at least one part came out.
 */
export function createJsonSsePartStream<T, P>(options: JsonSsePartStreamOptions<T, P>): ReadableStream<P> {
  const { schema, fastPath, transformer, errorPart } = options
  const transform = transformer.transform
  let output!: ReadableStreamDefaultController<P>
  let produced = 0
  let stopped = false
  let cancelled = false
  let failure: { reason: unknown } | undefined

  const controller: TransformStreamDefaultController<P> = {
    get desiredSize() {
      return output.desiredSize
    },
    enqueue(part?: P) {
      if (stopped) throw new TypeError('The stream was terminated.')
      produced++
      output.enqueue(part as P)
    },
    terminate() {
      stopped = true
    },
    error(reason?: unknown) {
      stopped = true
      failure ??= { reason }
    },
  }

  const decoder = createSseDecoder((event) => {
    if (stopped) return
    const result = parseJsonSseEvent(event, schema, fastPath)
    if (result && transform) void transform.call(transformer, result, controller)
  })
  const reader = options.body.getReader()

  function end(): void {
    if (failure) output.error(failure.reason)
    else output.close()
  }

  return new ReadableStream<P>({
    start(streamController) {
      output = streamController
      void transformer.start?.(controller)
    },
    async pull() {
      const before = produced
      try {
        while (produced === before) {
          const { done, value } = await reader.read()
          if (cancelled) return
          if (done) {
            decoder.end()
            if (!stopped) void transformer.flush?.(controller)
            return end()
          }
          decoder.push(value)
          if (stopped) {
            reader.cancel().catch(() => undefined)
            return end()
          }
        }
      } catch (error) {
        if (cancelled) return
        stopped = true
        reader.cancel(error).catch(() => undefined)
        const part = errorPart?.(error)
        if (part === undefined) return output.error(error)
        output.enqueue(part)
        output.close()
      }
    },
    cancel(reason) {
      cancelled = true
      return reader.cancel(reason)
    },
  })
}
