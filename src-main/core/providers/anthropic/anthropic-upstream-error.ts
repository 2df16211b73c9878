import { UpstreamError } from '../../errors/upstream-error'
import { readUpstreamText } from '../http/read-upstream-text'
import type { UpstreamResponse } from '../http/upstream-http-client'
import { anthropicErrorBodySchema, type AnthropicErrorObject } from './anthropic-messages-api'

/** The HTTP status each Anthropic error type travels with (documented on the errors page). */
const statusByErrorType: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
}

/** A non-2xx answer → UpstreamError with the upstream's status, its `error.message` and Retry-After. */
export async function readAnthropicUpstreamError(instanceId: string, response: UpstreamResponse): Promise<UpstreamError> {
  const body = await readUpstreamText(response).catch(() => '')
  const error = parseErrorObject(body)
  return new UpstreamError({
    instanceId,
    status: response.status,
    message: error?.message || `The Anthropic upstream of provider "${instanceId}" answered HTTP ${response.status}.`,
    body,
    retryAfter: response.headers['retry-after'],
    ...(error?.type ? { code: error.type } : {}),
  })
}

/** An `event: error` inside a 200 stream → UpstreamError with the status its type stands for. */
export function anthropicStreamError(instanceId: string, error: AnthropicErrorObject): UpstreamError {
  const type = error.type ?? 'api_error'
  return new UpstreamError({
    instanceId,
    status: statusByErrorType[type] ?? 502,
    message: error.message || `The Anthropic upstream of provider "${instanceId}" reported ${type} mid-stream.`,
    code: type,
  })
}

function parseErrorObject(body: string): AnthropicErrorObject | undefined {
  try {
    const parsed = anthropicErrorBodySchema.safeParse(JSON.parse(body))
    return parsed.success ? parsed.data.error : undefined
  } catch {
    return undefined
  }
}
