import { UpstreamError } from '../../errors/upstream-error'
import type { UpstreamResponse } from './upstream-http-client'

/**
 * The body a passthrough hands on. A stream is handed on as it arrives (the stream path ends it with the
 * dialect's error event when it breaks). Anything else — a non-streaming answer, or a JSON answer to a
 * stream request — is read to its end first, while nothing has reached the client yet, and handed on as a
 * string (one write to the client's socket, with a Content-Length): a body that breaks off (a reset, the
 * idle timeout, a clean end inside the JSON) then becomes a retryable UpstreamError the caller can fail over
 * on or answer in the client's dialect, instead of a 200 with half a body or a dropped connection.
 */
export async function readPassthroughBody(instanceId: string, response: UpstreamResponse, contentType: string): Promise<ReadableStream<Uint8Array> | string> {
  if (contentType.includes('text/event-stream')) return response.body
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    if (UpstreamError.isUpstreamError(error)) throw error
    throw new UpstreamError({
      instanceId,
      status: 502,
      code: 'upstream_body_error',
      message: `The upstream of provider "${instanceId}" broke off its answer: ${(error as Error).message}`,
      cause: error,
    })
  }
  if (response.status >= 200 && response.status < 300 && contentType.includes('json') && !isJson(text)) {
    throw new UpstreamError({
      instanceId,
      status: 502,
      code: 'upstream_invalid_response',
      message: `The upstream of provider "${instanceId}" answered ${response.status} with a body that is not complete JSON (${text.length} bytes).`,
      body: text,
    })
  }
  return text
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
