import { UpstreamError } from '../../errors/upstream-error'
import type { UpstreamResponse } from './upstream-http-client'

/**
 * The body a passthrough hands on. A stream is handed on as it arrives (the stream path ends it with the
 * dialect's error event when it breaks). Anything else — a non-streaming answer, or a JSON answer to a
 * stream request — is read to its end first, while nothing has reached the client yet: a body that breaks
 * off (a reset, the idle timeout, a clean end inside the JSON) then becomes a retryable UpstreamError the
 * caller can fail over on or answer in the client's dialect, instead of a 200 with half a body or a
 * dropped connection.
 */
export async function readPassthroughBody(instanceId: string, response: UpstreamResponse, contentType: string): Promise<ReadableStream<Uint8Array>> {
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
  return bufferedBody(text)
}

// A body read to its end keeps its text here, so the HTTP layer can send it with one write (passthroughText)
// instead of reading the stream back chunk by chunk; the stream stays for every other reader.
const encoder = new TextEncoder()
const bufferedTexts = new WeakMap<ReadableStream<Uint8Array>, string>()

/** The text of a passthrough body that readPassthroughBody read to its end (undefined for a live stream). */
export function passthroughText(body: ReadableStream<Uint8Array>): string | undefined {
  return bufferedTexts.get(body)
}

/** The text as a one-chunk byte stream, encoded only if someone reads it. */
function bufferedBody(text: string): ReadableStream<Uint8Array> {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(encoder.encode(text))
      controller.close()
    },
  })
  bufferedTexts.set(body, text)
  return body
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
