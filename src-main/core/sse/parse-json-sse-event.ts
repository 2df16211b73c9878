import type { z } from 'zod'
import type { SseEvent } from './decode-sse'

export type ParseResult<T> = { success: true; value: T; event: SseEvent } | { success: false; error: Error; event: SseEvent }

/**
 * A cheap check for the common shape of a chunk: the JSON itself when it certainly passes the schema and
 * the consumer reads nothing the schema would have changed (it only strips unknown keys), undefined
 * when unsure — then the schema decides, so odd and malformed chunks get exactly the schema's verdict.
 */
export type JsonFastPath<T> = (json: unknown) => T | undefined

/** One SSE event → its schema-checked JSON, a `success: false` result, or undefined for `[DONE]`. */
export function parseJsonSseEvent<T>(event: SseEvent, schema: z.ZodType<T>, fastPath?: JsonFastPath<T>): ParseResult<T> | undefined {
  if (event.data === '[DONE]') return undefined
  let json: unknown
  try {
    json = JSON.parse(event.data)
  } catch (error) {
    return { success: false, error: error as Error, event }
  }
  const fast = fastPath?.(json)
  if (fast !== undefined) return { success: true, value: fast, event }
  const parsed = schema.safeParse(json)
  return parsed.success ? { success: true, value: parsed.data, event } : { success: false, error: parsed.error, event }
}
