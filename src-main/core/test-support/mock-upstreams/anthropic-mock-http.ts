import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AnthropicMockError } from './anthropic-mock-error'

/** The raw request body as text. */
export function readMockBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/** JSON when it parses, the text itself when not, undefined without a body. */
export function parseMockBody(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

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
