import type { Context } from 'hono'
import { invalidRequest } from '../errors/gateway-error'

/** The request body as a JSON object, or a 400 (in the caller's dialect, via onError) naming the problem. */
export async function readJsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text()
  if (text.trim() === '') throw invalidRequest('The request body is empty; expected a JSON object.')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw invalidRequest(`Malformed JSON body: ${(error as Error).message}`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalidRequest('The request body must be a JSON object.')
  return json as Record<string, unknown>
}
