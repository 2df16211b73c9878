export interface OpenAiErrorDescription {
  message?: string
  code?: string
  /** A status the error itself implies (a mid-stream error has no HTTP status of its own). */
  status: number
}

const statusByKind: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  invalid_api_key: 401,
  permission_error: 403,
  not_found_error: 404,
  model_not_found: 404,
  rate_limit_exceeded: 429,
  rate_limit_error: 429,
  insufficient_quota: 429,
  requests: 429,
  tokens: 429,
  server_error: 500,
  api_error: 500,
  overloaded_error: 503,
}

/**
 * Reads an error body leniently: OpenAI `{"error":{message,type,code}}`, Ollama `{"error":"…"}`,
 * vLLM `{"object":"error","message",…,"code":400}`, FastAPI `{"detail":…}`, Gemini's array form.
 */
export function describeOpenAiError(json: unknown, fallbackStatus: number): OpenAiErrorDescription {
  const root = Array.isArray(json) ? json[0] : json
  if (typeof root !== 'object' || root === null) return { status: fallbackStatus }
  const record = root as Record<string, unknown>
  const inner = record.error ?? record
  if (typeof inner === 'string') return { message: inner, status: fallbackStatus }
  if (typeof inner !== 'object' || inner === null) return { status: fallbackStatus }
  const error = inner as Record<string, unknown>
  const detail = Array.isArray(error.detail) ? (error.detail[0] as { msg?: unknown } | undefined)?.msg : error.detail
  const message = [error.message, detail].find((value): value is string => typeof value === 'string' && value !== '')
  const code = typeof error.code === 'string' ? error.code : undefined
  const numericCode = typeof error.code === 'number' && error.code >= 400 && error.code < 600 ? error.code : undefined
  const kindStatus = statusByKind[code ?? ''] ?? statusByKind[typeof error.type === 'string' ? error.type : '']
  return { message, code, status: numericCode ?? kindStatus ?? fallbackStatus }
}
