import type { z } from 'zod'
import { createJsonSsePartStream } from './create-json-sse-part-stream'
import type { JsonFastPath, ParseResult } from './parse-json-sse-event'

export { parseJsonSseEvent, type JsonFastPath, type ParseResult } from './parse-json-sse-event'

/**
 * SSE events → schema-checked JSON chunks. A chunk that is not JSON or does not match the schema becomes
 * a `success: false` result instead of an exception, so the adapter can turn it into an error part.
 * `[DONE]` is dropped. One pull-based stream (decode, parse and check per network chunk) rather than a
 * chain of three web streams; a body that errors errors it with the same error.
 */
export function parseJsonEventStream<T>(body: ReadableStream<Uint8Array>, schema: z.ZodType<T>, fastPath?: JsonFastPath<T>): ReadableStream<ParseResult<T>> {
  return createJsonSsePartStream({ body, schema, fastPath, transformer: { transform: (result, controller) => controller.enqueue(result) } })
}
