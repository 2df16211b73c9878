import type { IncomingMessage, ServerResponse } from 'node:http'
import { readMockBody } from './read-mock-body'

/** A request as a node:http mock upstream records it. */
export interface RecordedMockRequest {
  method: string
  /** The path without the query string (`/v1/messages`, `/v1beta/models/mock-gemini:generateContent`). */
  path: string
  query: Record<string, string>
  /** Lower-cased request headers. */
  headers: Record<string, string>
  /** The parsed JSON body (the raw text when it was not JSON; undefined without a body). */
  body: unknown
  /** The client closed the connection before the answer was complete. */
  aborted: boolean
}

/** A node:http mock's request → its record (kept up to date: `aborted`) and its URL, before any validation. */
export async function readMockRequest(request: IncomingMessage, response: ServerResponse): Promise<{ record: RecordedMockRequest; url: URL }> {
  const url = new URL(request.url ?? '/', 'http://mock')
  const body = await readMockBody(request)
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]))
  const record: RecordedMockRequest = { method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body, aborted: false }
  response.on('close', () => (record.aborted = !response.writableFinished))
  return { record, url }
}
