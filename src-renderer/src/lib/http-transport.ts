import { contracts } from '../../../src-preload/contract'
import { GatewayClientError } from './gateway-client-error'
import type { GatewayTransport } from './gateway-transport'

export interface HttpTransportOptions {
  /** Origin (or any absolute URL) of the gateway; the admin API lives at `/api/admin/<channel>`. */
  baseUrl: string
  /** Read on every call, so a key entered later is picked up without rebuilding the transport. */
  getApiKey: () => string | null
  /** Called when the gateway answers 401, before the `unauthorized` error is thrown. */
  onUnauthorized?: () => void
  fetch?: typeof fetch
  timeoutMs?: number
}

export const DEFAULT_HTTP_TIMEOUT_MS = 10_000

export function adminUrl(baseUrl: string, channel: string): string {
  return new URL(`/api/admin/${channel}`, baseUrl).toString()
}

/** The browser transport used when the UI is served by the headless gateway at /admin/. */
export function createHttpTransport(options: HttpTransportOptions): GatewayTransport {
  const { baseUrl, getApiKey, onUnauthorized, timeoutMs = DEFAULT_HTTP_TIMEOUT_MS } = options
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))

  return {
    kind: 'http',
    async invoke(name, input) {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }
      const apiKey = getApiKey()
      if (apiKey) headers.authorization = `Bearer ${apiKey}`

      let response: Response
      try {
        response = await fetchImpl(adminUrl(baseUrl, contracts[name].channel), {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (error) {
        if (error instanceof DOMException && error.name === 'TimeoutError') {
          throw new GatewayClientError('timeout', `The gateway did not answer within ${Math.round(timeoutMs / 1000)}s.`, { cause: error })
        }
        throw new GatewayClientError('network_error', 'Cannot reach the gateway. Is it running?', { cause: error })
      }

      const body = await readJson(response)
      if (response.status === 401) {
        onUnauthorized?.()
        throw new GatewayClientError('unauthorized', errorMessageOf(body) ?? 'The gateway rejected the API key.')
      }
      if (isEnvelope(body)) return body
      if (!response.ok) {
        throw new GatewayClientError('http_error', errorMessageOf(body) ?? `The gateway answered HTTP ${response.status}.`)
      }
      if (body === undefined) throw new GatewayClientError('invalid_response', 'The gateway sent a response that is not JSON.')
      return body
    },
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text()
    return text ? (JSON.parse(text) as unknown) : undefined
  } catch {
    return undefined
  }
}

function isEnvelope(body: unknown): body is { ok: boolean } {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean'
}

/** The message of an OpenAI-style `{ "error": { "message" } }` body, if that is what arrived. */
function errorMessageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const error = (body as { error?: unknown }).error
  if (typeof error === 'string') return error
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message
    if (typeof message === 'string' && message) return message
  }
  return undefined
}
