import type { Logger } from 'pino'
import type { UpstreamHttpClient, UpstreamRequest } from '../http/upstream-http-client'
import { copilotRequestHeaders, type CopilotCallTraits } from './copilot-headers'
import type { CopilotTokenSource } from './copilot-token-source'

/** Header names the adapters underneath set that Copilot must not get (we send the Copilot token ourselves). */
const replacedHeaders = new Set(['authorization', 'x-api-key', 'user-agent'])

/**
 * The shared HTTP client as one Copilot call sees it: every request carries the current Copilot token and
 * the headers Copilot requires; a 401 (the token expired or was revoked early) invalidates the token,
 * exchanges a new one and retries once. The bodies are JSON values, so the retry resends the same body.
 * Closing this view closes nothing.
 */
export function createCopilotHttp(options: {
  http: UpstreamHttpClient
  tokens: CopilotTokenSource
  traits: CopilotCallTraits
  /** Overrides the instance's first-byte budget (long-reasoning models). */
  firstByteTimeoutMs?: number
  logger: Logger
  requestId: string
}): UpstreamHttpClient {
  const send = async (request: UpstreamRequest, token: string) => {
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(request.headers ?? {})) if (!replacedHeaders.has(name.toLowerCase())) headers[name.toLowerCase()] = value
    Object.assign(headers, copilotRequestHeaders(token, options.traits))
    return options.http.request({ ...request, headers, ...(options.firstByteTimeoutMs ? { firstByteTimeoutMs: options.firstByteTimeoutMs } : {}) })
  }
  return {
    async request(request) {
      const first = await options.tokens.get()
      const response = await send(request, first.token)
      if (response.status !== 401) return response
      await response.text().catch(() => '')
      options.logger.info({ requestId: options.requestId }, 'Copilot answered 401; exchanging a fresh Copilot token and retrying once')
      options.tokens.invalidate(first.token)
      const fresh = await options.tokens.get()
      return send(request, fresh.token)
    },
    close: () => Promise.resolve(),
  }
}
