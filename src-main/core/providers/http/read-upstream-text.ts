import type { UpstreamResponse } from './upstream-http-client'

/**
 * The whole body as text, read from the web stream. (`UpstreamResponse.text()` reads the undici body
 * that `Readable.toWeb` already consumes, and stalls once a body outgrows the web stream's buffer.)
 */
export function readUpstreamText(response: UpstreamResponse): Promise<string> {
  return new Response(response.body).text()
}
