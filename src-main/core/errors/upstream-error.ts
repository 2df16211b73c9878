import { GatewayError, type GatewayErrorType } from './gateway-error'

/** Maps an upstream HTTP status onto the gateway's error kinds (the client sees the same status). */
export function errorTypeForStatus(status: number): GatewayErrorType {
  if (status === 400 || status === 422) return 'invalid_request'
  if (status === 401) return 'authentication'
  if (status === 403) return 'permission'
  if (status === 404) return 'not_found'
  if (status === 413) return 'request_too_large'
  if (status === 429) return 'rate_limit'
  if (status === 503 || status === 529) return 'overloaded'
  return 'upstream'
}

/**
 * An upstream answered with an error status (or the connection failed: status 502, `connectionError`).
 * The client gets the upstream's status and message in its own dialect; `Retry-After` is passed on.
 * `retryable` is data for failover: connection errors, 408, 409, 429 and 5xx.
 */
export class UpstreamError extends GatewayError {
  readonly instanceId: string
  readonly upstreamStatus: number
  /** The upstream's raw error body (truncated), for the log; never sent to the client verbatim. */
  readonly upstreamBody: string | undefined
  readonly retryable: boolean
  readonly connectionError: boolean

  constructor(options: {
    instanceId: string
    status: number
    message: string
    body?: string
    retryAfter?: string
    connectionError?: boolean
    code?: string
    cause?: unknown
  }) {
    const clientStatus = options.connectionError ? 502 : options.status
    super({
      message: options.message,
      status: clientStatus,
      type: options.connectionError ? 'upstream' : errorTypeForStatus(options.status),
      code: options.code ?? (options.connectionError ? 'upstream_connection_error' : 'upstream_error'),
      headers: options.retryAfter ? { 'retry-after': options.retryAfter } : {},
      cause: options.cause,
    })
    this.name = 'UpstreamError'
    this.instanceId = options.instanceId
    this.upstreamStatus = options.status
    this.upstreamBody = options.body?.slice(0, 4096)
    this.connectionError = options.connectionError ?? false
    this.retryable = this.connectionError || options.status === 408 || options.status === 409 || options.status === 429 || options.status >= 500
  }

  static isUpstreamError(error: unknown): error is UpstreamError {
    return GatewayError.isInstance(error) && (error as Error).name === 'UpstreamError'
  }
}
