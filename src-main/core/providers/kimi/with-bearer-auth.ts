import type { UpstreamHttpClient } from '../http/upstream-http-client'

/**
 * The shared HTTP client, sending the key the Anthropic adapter puts in `x-api-key` as `Authorization:
 * Bearer` instead, as Kimi's Anthropic-compatible endpoint documents it (ANTHROPIC_AUTH_TOKEN). The
 * client is the gateway's: closing this view closes nothing.
 */
export function withBearerAuth(http: UpstreamHttpClient): UpstreamHttpClient {
  return {
    request(request) {
      const { 'x-api-key': key, ...headers } = request.headers ?? {}
      return http.request({ ...request, headers: key ? { ...headers, authorization: `Bearer ${key}` } : headers })
    },
    close: () => Promise.resolve(),
  }
}
