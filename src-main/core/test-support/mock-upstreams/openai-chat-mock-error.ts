/** OpenAI's error object, as the real API sends it: `{"error":{"message","type","param","code"}}`. */
export interface OpenAiMockErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null }
}

/** A rejection the mock answers with; validators return one instead of throwing. */
export interface OpenAiMockError {
  status: number
  body: OpenAiMockErrorBody
  headers?: Record<string, string>
}

export function openAiMockError(
  status: number,
  message: string,
  options: { type?: string; param?: string | null; code?: string | null; headers?: Record<string, string> } = {},
): OpenAiMockError {
  return {
    status,
    body: { error: { message, type: options.type ?? 'invalid_request_error', param: options.param ?? null, code: options.code ?? null } },
    headers: options.headers,
  }
}

/** The 400 the real API gives for a missing field. */
export function missingParameter(param: string): OpenAiMockError {
  return openAiMockError(400, `Missing required parameter: '${param}'.`, { param, code: 'missing_required_parameter' })
}

/** The 400 the real API gives for a value outside an enum. */
export function invalidValue(param: string, value: unknown, supported: string[]): OpenAiMockError {
  const list = supported.map((item) => `'${item}'`)
  const spelled = list.length > 1 ? `${list.slice(0, -1).join(', ')}, and ${list.at(-1)}` : list.join('')
  return openAiMockError(400, `Invalid value: '${String(value)}'. Supported values are: ${spelled}.`, { param, code: 'invalid_value' })
}

export function invalidType(param: string, expected: string, value: unknown): OpenAiMockError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
  return openAiMockError(400, `Invalid type for '${param}': expected ${expected}, but got ${got} instead.`, { param, code: 'invalid_type' })
}

/** What the `ERROR:<status>` marker answers with: the real API's body for that status. */
export function openAiErrorForStatus(status: number): OpenAiMockError {
  switch (status) {
    case 400:
      return openAiMockError(400, 'The mock upstream was asked to fail with 400 (ERROR:400).')
    case 401:
      return openAiMockError(401, 'Incorrect API key provided: sk-mock***. You can find your API key at https://platform.openai.com/account/api-keys.', {
        code: 'invalid_api_key',
      })
    case 403:
      return openAiMockError(403, 'You are not allowed to sample from this model', { type: 'permission_error' })
    case 404:
      return openAiMockError(404, 'The model `mock-missing` does not exist or you do not have access to it.', { code: 'model_not_found' })
    case 429:
      return openAiMockError(429, 'Rate limit reached for requests (ERROR:429). Please try again in 7s.', {
        type: 'requests',
        code: 'rate_limit_exceeded',
        headers: { 'retry-after': '7' },
      })
    case 500:
      return openAiMockError(500, 'The server had an error while processing your request. Sorry about that!', { type: 'server_error' })
    case 503:
      return openAiMockError(503, 'The engine is currently overloaded, please try again later.', { type: 'server_error' })
    default:
      return openAiMockError(status, `The mock upstream was asked to fail with ${status} (ERROR:${status}).`, {
        type: status >= 500 ? 'server_error' : 'invalid_request_error',
      })
  }
}
