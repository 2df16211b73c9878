import type { ServerResponse } from 'node:http'
import type { AnthropicMockError } from './anthropic-mock-error'

export function sendMockJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

/** Anthropic's error body with the response's request id; a stream already under way is cut instead. */
export function sendMockError(response: ServerResponse, error: AnthropicMockError): void {
  if (response.headersSent) return void response.destroy()
  const requestId = String(response.getHeader('request-id') ?? '')
  sendMockJson(response, error.status, { type: 'error', error: { type: error.errorType, message: error.message }, request_id: requestId }, error.headers)
}
