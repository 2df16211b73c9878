import { randomUUID } from 'node:crypto'

/** DashScope's OpenAI-compatible error body: `{"error":{"code","param","message","type"},"id"?,"request_id"}`. */
export interface DashScopeMockError {
  status: number
  body: { error: { code: string | null; param: string | null; message: string; type: string }; id?: string; request_id: string }
  headers?: Record<string, string>
}

export function dashScopeMockError(status: number, message: string, options: { code?: string | null; type?: string; headers?: Record<string, string> } = {}): DashScopeMockError {
  const requestId = randomUUID()
  return {
    status,
    body: {
      error: { code: options.code === undefined ? 'invalid_parameter_error' : options.code, param: null, message, type: options.type ?? 'invalid_request_error' },
      id: `chatcmpl-${requestId}`,
      request_id: requestId,
    },
    ...(options.headers ? { headers: options.headers } : {}),
  }
}

/** A parameter error as the model service words it: `<400> InternalError.Algo.InvalidParameter: …`. */
export function dashScopeInvalidParameter(message: string): DashScopeMockError {
  return dashScopeMockError(400, `<400> InternalError.Algo.InvalidParameter: ${message}`)
}

/** What the gateway answers a body it cannot read or a field it does not know (no `id`, `code: null`). */
export function dashScopeBodyInvalid(): DashScopeMockError {
  const error = dashScopeMockError(400, 'Required body invalid, please check the request body format.', { code: null })
  delete error.body.id
  return error
}

/** `ERROR:<status>`: the body DashScope sends for that status (error-code guide); 429 adds `retry-after: 7`. */
export function dashScopeErrorForStatus(status: number): DashScopeMockError {
  switch (status) {
    case 400:
      return dashScopeInvalidParameter('The mock upstream was asked to fail with 400 (ERROR:400).')
    case 401:
      return dashScopeMockError(401, 'Incorrect API key provided. For details, see: https://help.aliyun.com/zh/model-studio/error-code#apikey-error', { code: 'invalid_api_key' })
    case 403:
      return dashScopeMockError(403, 'Access denied, please make sure your account is in good standing.', { code: 'Arrearage', type: 'Arrearage' })
    case 404:
      return dashScopeMockError(404, 'The model `mock-missing` does not exist or you do not have access to it.', { code: 'model_not_found' })
    case 429:
      return dashScopeMockError(429, 'Requests rate limit exceeded, please try again later.', { code: 'limit_requests', type: 'limit_requests', headers: { 'retry-after': '7' } })
    case 500:
      return dashScopeMockError(500, 'An internal error has occured, please try again later or contact service support.', { code: 'internal_error', type: 'internal_error' })
    default:
      return dashScopeMockError(status, `The mock upstream was asked to fail with ${status} (ERROR:${status}).`, { code: status >= 500 ? 'internal_error' : 'invalid_parameter_error', type: status >= 500 ? 'internal_error' : 'invalid_request_error' })
  }
}
