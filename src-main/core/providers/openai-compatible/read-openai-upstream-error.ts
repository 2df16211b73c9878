import { UpstreamError } from '../../errors/upstream-error'
import type { UpstreamResponse } from '../http/upstream-http-client'
import { describeOpenAiError } from './describe-openai-error'

/** A non-2xx upstream answer → UpstreamError with the upstream's status, message, code and Retry-After. */
export async function readOpenAiUpstreamError(instanceId: string, response: UpstreamResponse): Promise<UpstreamError> {
  const text = await response.text().catch(() => '')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const described = describeOpenAiError(json, response.status)
  const snippet = text.trim().slice(0, 300)
  return new UpstreamError({
    instanceId,
    status: response.status,
    message: described.message ?? (snippet !== '' && json === undefined ? snippet : `The upstream answered with HTTP ${response.status}.`),
    body: text,
    retryAfter: retryAfterOf(response.headers),
    code: described.code,
  })
}

/** `retry-after` as sent, else OpenAI's `retry-after-ms` rounded up to seconds. */
export function retryAfterOf(headers: Record<string, string>): string | undefined {
  if (headers['retry-after']) return headers['retry-after']
  const milliseconds = Number(headers['retry-after-ms'])
  return Number.isFinite(milliseconds) && milliseconds > 0 ? String(Math.ceil(milliseconds / 1000)) : undefined
}
