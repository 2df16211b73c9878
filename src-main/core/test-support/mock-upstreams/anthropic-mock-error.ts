/** An error answer of the mock, in Anthropic's shape: `{"type":"error","error":{"type","message"},"request_id"}`. */
export class AnthropicMockError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'AnthropicMockError'
  }
}

/** Throws the 400 `invalid_request_error` the real API answers for a malformed request. */
export function rejectRequest(message: string): never {
  throw new AnthropicMockError(400, 'invalid_request_error', message)
}

/** The error type Anthropic documents for each HTTP status (errors page). */
export function anthropicErrorTypeForStatus(status: number): string {
  const types: Record<number, string> = {
    400: 'invalid_request_error',
    401: 'authentication_error',
    402: 'billing_error',
    403: 'permission_error',
    404: 'not_found_error',
    413: 'request_too_large',
    429: 'rate_limit_error',
    500: 'api_error',
    504: 'timeout_error',
    529: 'overloaded_error',
  }
  return types[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error')
}

/** `ERROR:<status>`: the status with Anthropic's error body (429 carries `retry-after: 7`). */
export function anthropicMockMarkerError(status: number): AnthropicMockError {
  const messages: Record<number, string> = {
    401: 'invalid x-api-key',
    429: 'Number of request tokens has exceeded your per-minute rate limit (mock ERROR:429).',
    500: 'Internal server error',
    529: 'Overloaded',
  }
  const message = messages[status] ?? `mock upstream error ${status} (ERROR:${status} marker)`
  return new AnthropicMockError(status, anthropicErrorTypeForStatus(status), message, status === 429 ? { 'retry-after': '7' } : {})
}
