import type { z } from 'zod'
import { UpstreamError } from '../../errors/upstream-error'
import type { UpstreamResponse } from '../http/upstream-http-client'
import { describeOpenAiError } from './describe-openai-error'
import { readOpenAiUpstreamError } from './read-openai-upstream-error'

/**
 * A JSON answer, schema-checked. Non-2xx → the upstream's error; a 2xx that carries `{"error":…}`
 * (some compatible servers do that) or does not match → UpstreamError as well, never a half-read result.
 */
export async function readOpenAiJsonResponse<T>(instanceId: string, response: UpstreamResponse, schema: z.ZodType<T>): Promise<T> {
  if (response.status < 200 || response.status >= 300) throw await readOpenAiUpstreamError(instanceId, response)
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new UpstreamError({ instanceId, status: 502, message: 'The upstream answered with a body that is not JSON.', body: text, cause: error })
  }
  const error = typeof json === 'object' && json !== null ? (json as { error?: unknown }).error : undefined
  if (error) {
    const described = describeOpenAiError(json, 502)
    throw new UpstreamError({ instanceId, status: described.status, message: described.message ?? 'The upstream reported an error.', body: text, code: described.code })
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new UpstreamError({ instanceId, status: 502, message: `The upstream answer has an unexpected shape: ${parsed.error.message}`, body: text })
  return parsed.data
}
