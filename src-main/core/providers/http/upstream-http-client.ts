import { Readable } from 'node:stream'
import { errors as undiciErrors } from 'undici'
import { UpstreamError } from '../../errors/upstream-error'
import { createAddressPolicy } from '../../security/address-policy'
import { EndpointBlockedError } from '../../security/endpoint-blocked-error'
import type { HostLookup } from '../../security/host-lookup'
import { createGuardedAgent } from './create-guarded-agent'
import { toJsonText } from './json-text'

export interface UpstreamRequest {
  /** Which instance is calling, for errors and logs. */
  instanceId: string
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** Serialised once here (or sent as the text it was parsed from, see json-text.ts); never re-parsed. */
  json?: unknown
  /** Sent `application/x-www-form-urlencoded` instead (OAuth token endpoints). */
  form?: Record<string, string>
  signal: AbortSignal
  /** No response headers this long after the request was sent → a retryable 504 (`upstream_timeout`). Default: none. */
  firstByteTimeoutMs?: number
  /** No body bytes for this long → the body fails with a 504 (`upstream_idle_timeout`). Default: none. */
  idleTimeoutMs?: number
}

export interface UpstreamResponse {
  status: number
  headers: Record<string, string>
  body: ReadableStream<Uint8Array>
  /** Reads the whole body as text (for errors and non-streaming answers). */
  text(): Promise<string>
}

export interface UpstreamHttpClient {
  /**
   * Any status resolves (a 3xx too: redirects are not followed); only connection failures reject, as an
   * UpstreamError with connectionError (code `endpoint_blocked` when the SSRF guard refused the address).
   */
  request(request: UpstreamRequest): Promise<UpstreamResponse>
  close(): Promise<void>
}

export interface UpstreamHttpClientOptions {
  /** settings.allowLocalEndpoints: lets loopback, private, link-local and CGNAT upstreams through. Default false. */
  allowLocalEndpoints?: boolean
  /** Resolves host names for new connections (default: the system resolver). Tests inject one. */
  lookup?: HostLookup
}

/**
 * Upstream HTTP on undici's dispatcher: keep-alive connection pools per origin, no redirects followed
 * (a 3xx resolves like any other status), streaming bodies. (Measured here, the global fetch costs about
 * three times the CPU per request.) Every connection passes the SSRF guard (createGuardedAgent); a refused
 * one rejects with a 502 UpstreamError, code `endpoint_blocked`, naming the host and the setting.
 */
export function createUpstreamHttpClient(options: UpstreamHttpClientOptions = {}): UpstreamHttpClient {
  const policy = createAddressPolicy({ allowLocalEndpoints: options.allowLocalEndpoints ?? false })
  const dispatcher = createGuardedAgent({ policy, lookup: options.lookup })

  return {
    async request(request) {
      const url = new URL(request.url)
      const headers: Record<string, string> = { ...request.headers }
      let body: string | undefined
      if (request.json !== undefined) {
        body = toJsonText(request.json)
        headers['content-type'] ??= 'application/json'
      } else if (request.form !== undefined) {
        body = new URLSearchParams(request.form).toString()
        headers['content-type'] ??= 'application/x-www-form-urlencoded'
      }
      try {
        const response = await dispatcher.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: request.method ?? (body === undefined ? 'GET' : 'POST'),
          headers,
          body,
          signal: request.signal,
          // undici's own timers abort the request and destroy its socket; 0 (the agent's default) is none.
          headersTimeout: request.firstByteTimeoutMs ?? 0,
          bodyTimeout: request.idleTimeoutMs ?? 0,
        })
        const flatHeaders: Record<string, string> = {}
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) flatHeaders[name] = Array.isArray(value) ? value.join(', ') : value
        }
        // The web stream is made only when asked for: once made, it owns the Node stream, and text()
        // must read through it (reading the Node stream as well would stall on a large body).
        let web: ReadableStream<Uint8Array> | undefined
        // Without an idle timeout there is no body timeout to rename, and one stream layer less per chunk.
        const toWeb = () =>
          (web ??= request.idleTimeoutMs
            ? renameBodyTimeout(Readable.toWeb(response.body) as ReadableStream<Uint8Array>, request)
            : (Readable.toWeb(response.body) as ReadableStream<Uint8Array>))
        return {
          status: response.statusCode,
          headers: flatHeaders,
          get body() {
            return toWeb()
          },
          text: () => (web ? new Response(web).text() : response.body.text().catch((error: unknown) => Promise.reject(bodyError(error, request)))),
        }
      } catch (error) {
        if (request.signal.aborted) throw error
        if (error instanceof undiciErrors.HeadersTimeoutError) {
          throw new UpstreamError({
            instanceId: request.instanceId,
            status: 504,
            code: 'upstream_timeout',
            message: `The upstream of provider "${request.instanceId}" (${url.origin}) sent no response headers within ${request.firstByteTimeoutMs} ms (firstByteTimeoutMs).`,
            cause: error,
          })
        }
        const blocked = EndpointBlockedError.find(error)
        if (blocked) {
          throw new UpstreamError({
            instanceId: request.instanceId,
            status: 502,
            connectionError: true,
            code: 'endpoint_blocked',
            message: `The SSRF guard refused the upstream of provider "${request.instanceId}" (${url.origin}): ${blocked.message}.`,
            cause: blocked,
          })
        }
        throw new UpstreamError({
          instanceId: request.instanceId,
          status: 502,
          connectionError: true,
          message: `Cannot reach the upstream of provider "${request.instanceId}" (${url.origin}): ${describeConnectionError(error)}`,
          cause: error,
        })
      }
    },
    close: () => dispatcher.close(),
  }
}

/** The body as it is, except that undici's body timeout fails it with a 504 UpstreamError naming the instance and the limit. */
function renameBodyTimeout(body: ReadableStream<Uint8Array>, request: UpstreamRequest): ReadableStream<Uint8Array> {
  const reader = body.getReader()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) controller.close()
        else controller.enqueue(value)
      } catch (error) {
        controller.error(bodyError(error, request))
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
}

function bodyError(error: unknown, request: UpstreamRequest): unknown {
  if (!(error instanceof undiciErrors.BodyTimeoutError)) return error
  return new UpstreamError({
    instanceId: request.instanceId,
    status: 504,
    code: 'upstream_idle_timeout',
    message: `The upstream of provider "${request.instanceId}" sent nothing for ${request.idleTimeoutMs} ms (idleTimeoutMs).`,
    cause: error,
  })
}

function describeConnectionError(error: unknown): string {
  if (error instanceof undiciErrors.UndiciError) return `${(error as Error).message} (${(error as { code?: string }).code ?? error.name})`
  const code = (error as NodeJS.ErrnoException).code
  return code ? `${(error as Error).message} (${code})` : (error as Error).message
}
