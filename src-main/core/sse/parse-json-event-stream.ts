import type { z } from 'zod'
import { decodeSse, type SseEvent } from './decode-sse'

export type ParseResult<T> = { success: true; value: T; event: SseEvent } | { success: false; error: Error; event: SseEvent }

/**
 * SSE events → schema-checked JSON chunks. A chunk that is not JSON or does not match the schema becomes
 * a `success: false` result instead of an exception, so the adapter can turn it into an error part.
 * `[DONE]` is dropped.
 */
export function parseJsonEventStream<T>(body: ReadableStream<Uint8Array>, schema: z.ZodType<T>): ReadableStream<ParseResult<T>> {
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
        if (parsed.success) controller.enqueue({ success: true, value: parsed.data, event })
        else controller.enqueue({ success: false, error: parsed.error, event })
      },
    }),
  )
}
