import type { ServerResponse } from 'node:http'

/** Moonshot's error body: `{"error":{"message","type"}}` (no code; the type names the kind). */
export interface KimiMockError {
  status: number
  body: { error: { message: string; type: string } }
  headers?: Record<string, string>
}

export function kimiMockError(status: number, message: string, type = 'invalid_request_error', headers?: Record<string, string>): KimiMockError {
  return { status, body: { error: { message, type } }, ...(headers ? { headers } : {}) }
}

/** `ERROR:<status>`: the body Moonshot sends for that status (error docs); 429 adds `retry-after: 7`. */
export function kimiErrorForStatus(status: number): KimiMockError {
  switch (status) {
    case 400:
      return kimiMockError(400, 'Invalid request: the mock upstream was asked to fail with 400 (ERROR:400)')
    case 401:
      return kimiMockError(401, 'Invalid Authentication', 'invalid_authentication_error')
    case 403:
      return kimiMockError(403, 'The API you are accessing is not open', 'permission_denied_error')
    case 404:
      return kimiMockError(404, 'Not found the model mock-missing or Permission denied', 'resource_not_found_error')
    case 429:
      return kimiMockError(429, 'Your account org-mock<ak-mock> request reached organization max RPM: 3, please try again after 7 seconds', 'rate_limit_reached_error', { 'retry-after': '7' })
    case 500:
      return kimiMockError(500, 'Server error, please try again later', 'server_error')
    default:
      return kimiMockError(status, `The mock upstream was asked to fail with ${status} (ERROR:${status})`, status >= 500 ? 'server_error' : 'invalid_request_error')
  }
}

/** Writes the error as Moonshot does; a stream already under way is cut instead. */
export function sendKimiError(response: ServerResponse, error: KimiMockError): void {
  if (response.headersSent) return void response.destroy()
  response.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8', ...error.headers })
  response.end(JSON.stringify(error.body))
}
