import type { IncomingMessage, ServerResponse } from 'node:http'
import { geminiErrorBody, type GeminiMockError } from './gemini-mock-error'

/** The raw request body as text. */
export function readGeminiMockBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/** JSON when it parses, the text itself when not, undefined without a body. */
export function parseGeminiMockBody(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function sendGeminiMockJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers })
  response.end(JSON.stringify(body, null, 2))
}

/** Google's error body; a stream already under way is cut instead. */
export function sendGeminiMockError(response: ServerResponse, error: GeminiMockError): void {
  if (response.headersSent) return void response.destroy()
  sendGeminiMockJson(response, error.status, geminiErrorBody(error), error.headers)
}
