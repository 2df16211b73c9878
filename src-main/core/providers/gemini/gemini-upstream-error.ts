import { UpstreamError } from '../../errors/upstream-error'
import { readUpstreamText } from '../http/read-upstream-text'
import type { UpstreamResponse } from '../http/upstream-http-client'
import { geminiErrorBodySchema, type GeminiErrorObject } from './gemini-api'

/**
 * A non-2xx answer → UpstreamError with the upstream's status, `error.message` and Retry-After (the
 * header, else the `RetryInfo.retryDelay` Google puts in the details). The code is the ErrorInfo reason
 * (`API_KEY_INVALID`) or the canonical status (`RESOURCE_EXHAUSTED`). Google answers a wrong API key with
 * 400 INVALID_ARGUMENT; it is reported as 401 so clients and failover see an authentication failure.
 */
export async function readGeminiUpstreamError(instanceId: string, response: UpstreamResponse): Promise<UpstreamError> {
  const body = await readUpstreamText(response).catch(() => '')
  const error = parseErrorObject(body)
  const code = errorCode(error)
  return new UpstreamError({
    instanceId,
    status: code === 'API_KEY_INVALID' ? 401 : response.status,
    message: error?.message || `The Gemini upstream of provider "${instanceId}" answered HTTP ${response.status}.`,
    body,
    retryAfter: response.headers['retry-after'] ?? retryDelaySeconds(error),
    ...(code ? { code } : {}),
  })
}

/** An in-band `{"error": {...}}` chunk inside a 200 stream → UpstreamError with the status it names. */
export function geminiStreamError(instanceId: string, error: GeminiErrorObject): UpstreamError {
  const status = error.code && error.code >= 400 && error.code < 600 ? error.code : 502
  const code = errorCode(error)
  return new UpstreamError({
    instanceId,
    status,
    message: error.message || `The Gemini upstream of provider "${instanceId}" reported ${error.status ?? 'an error'} mid-stream.`,
    ...(code ? { code } : {}),
  })
}

function errorCode(error: GeminiErrorObject | undefined): string | undefined {
  const reason = error?.details?.find((detail) => detail['@type']?.endsWith('google.rpc.ErrorInfo'))?.reason
  return reason || error?.status || undefined
}

/** `RetryInfo.retryDelay` ("34.4s") → whole seconds for Retry-After ("35"). */
function retryDelaySeconds(error: GeminiErrorObject | undefined): string | undefined {
  const delay = error?.details?.find((detail) => detail['@type']?.endsWith('google.rpc.RetryInfo'))?.retryDelay
  const seconds = delay ? Number.parseFloat(delay) : Number.NaN
  return Number.isFinite(seconds) && seconds >= 0 ? String(Math.ceil(seconds)) : undefined
}

function parseErrorObject(body: string): GeminiErrorObject | undefined {
  try {
    const parsed = geminiErrorBodySchema.safeParse(JSON.parse(body))
    return parsed.success ? parsed.data.error : undefined
  } catch {
    return undefined
  }
}
