import type { ServerResponse } from 'node:http'
import { geminiErrorBody, type GeminiMockError } from './gemini-mock-error'

export function sendGeminiMockJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers })
  response.end(JSON.stringify(body, null, 2))
}

/** Google's error body; a stream already under way is cut instead. */
export function sendGeminiMockError(response: ServerResponse, error: GeminiMockError): void {
  if (response.headersSent) return void response.destroy()
  sendGeminiMockJson(response, error.status, geminiErrorBody(error), error.headers)
}
