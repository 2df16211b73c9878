import type { Context } from 'hono'
import type { RecordedOpenAiRequest } from './openai-chat-mock'

/** A Hono mock's request → its record (kept up to date: `clientClosed`), before any validation. */
export async function readHonoMockRequest(c: Context): Promise<RecordedOpenAiRequest> {
  const headers: Record<string, string> = {}
  c.req.raw.headers.forEach((value, name) => (headers[name] = value))
  const text = c.req.method === 'GET' ? '' : await c.req.text()
  let body: unknown = text === '' ? undefined : text
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    // kept as text; the mock's validation answers with its parse error
  }
  const record: RecordedOpenAiRequest = { method: c.req.method, path: new URL(c.req.url).pathname, headers, body, clientClosed: false }
  c.req.raw.signal.addEventListener('abort', () => (record.clientClosed = true))
  return record
}
