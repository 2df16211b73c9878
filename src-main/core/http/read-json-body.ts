import type { Context } from 'hono'
import { invalidRequest } from '../errors/gateway-error'
import { rememberJsonText } from '../providers/http/json-text'
import { jsonNestingDepth } from './json-nesting-depth'

/**
 * The deepest nesting a request body may have. JSON.parse accepts any depth, but JSON.stringify and every
 * recursive walk after it (forwarding the body, translating tool schemas) overflow the stack on a few
 * thousand levels: a 500 for one client and a cheap way to make the gateway work hard. Real request bodies
 * (JSON schemas included) nest a few dozen levels.
 */
export const maxJsonNestingDepth = 512

/**
 * The request body as a JSON object, or a 400 (in the caller's dialect, via onError) naming the problem.
 * The object remembers its text (json-text.ts): forwarded unchanged, it goes upstream as sent. Do not change it in place.
 */
export async function readJsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text()
  if (jsonNestingDepth(text, maxJsonNestingDepth) > maxJsonNestingDepth) {
    throw invalidRequest(`The request body nests arrays and objects more than ${maxJsonNestingDepth} levels deep.`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    // Only a body that failed to parse is looked at for being empty (trim copies a 200 KB body for nothing).
    if (text.trim() === '') throw invalidRequest('The request body is empty; expected a JSON object.')
    throw invalidRequest(`Malformed JSON body: ${(error as Error).message}`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalidRequest('The request body must be a JSON object.')
  rememberJsonText(json, text)
  return json as Record<string, unknown>
}
