import type { z } from 'zod'
import { decodeSse, type SseEvent } from '../sse/decode-sse'
import type { ParseResult } from '../sse/parse-json-event-stream'

/**
 * The JSON-over-SSE parse as it was before the single-stream rewrite (decodeSse, then a JSON + schema
 * TransformStream): the oracle the rewrite's tests compare against, chunk split by chunk split.
 */
export function referenceJsonEventStream<T>(body: ReadableStream<Uint8Array>, schema: z.ZodType<T>): ReadableStream<ParseResult<T>> {
  return decodeSse(body).pipeThrough(
    new TransformStream<SseEvent, ParseResult<T>>({
      transform(event, controller) {
        if (event.data === '[DONE]') return
        let json: unknown
        try {
          json = JSON.parse(event.data)
        } catch (error) {
          controller.enqueue({ success: false, error: error as Error, event })
          return
        }
        const parsed = schema.safeParse(json)
        controller.enqueue(parsed.success ? { success: true, value: parsed.data, event } : { success: false, error: parsed.error, event })
      },
    }),
  )
}
