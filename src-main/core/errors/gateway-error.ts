const marker = Symbol.for('omnillm.error')

/**
 * The base of every error the gateway raises on purpose. `status` is the HTTP status a client should see;
 * `type` is a dialect-neutral kind that each ingress maps onto its own error body.
 */
export type GatewayErrorType =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'request_too_large'
  | 'rate_limit'
  | 'overloaded'
  | 'upstream'
  | 'internal'

export class GatewayError extends Error {
  readonly [marker] = true
  readonly status: number
  readonly type: GatewayErrorType
  readonly code: string | undefined
  readonly headers: Record<string, string>

  constructor(options: {
    message: string
    status: number
    type: GatewayErrorType
    code?: string
    headers?: Record<string, string>
    cause?: unknown
  }) {
    super(options.message, { cause: options.cause })
    this.name = 'GatewayError'
    this.status = options.status
    this.type = options.type
    this.code = options.code
    this.headers = options.headers ?? {}
  }

  static isInstance(error: unknown): error is GatewayError {
    return typeof error === 'object' && error !== null && marker in error
  }
}

export function invalidRequest(message: string, code = 'invalid_request_error', cause?: unknown): GatewayError {
  return new GatewayError({ message, status: 400, type: 'invalid_request', code, cause })
}

export function notFound(message: string, code = 'not_found'): GatewayError {
  return new GatewayError({ message, status: 404, type: 'not_found', code })
}
