import type { z } from 'zod'
import { UpstreamError } from '../../errors/upstream-error'

/**
 * A 2xx body → schema-checked JSON, or an UpstreamError (502) saying what could not be read, e.g.
 * `The Gemini upstream of provider "ge" sent an unreadable model list.` (`apiName` "Gemini", `what` "model list").
 */
export function parseUpstreamJson<T>(instanceId: string, text: string, schema: z.ZodType<T>, what: string, apiName: string): T {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const parsed = schema.safeParse(json)
  if (parsed.success) return parsed.data
  throw new UpstreamError({ instanceId, status: 502, code: 'invalid_response', message: `The ${apiName} upstream of provider "${instanceId}" sent an unreadable ${what}.`, body: text })
}
