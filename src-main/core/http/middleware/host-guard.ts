import type { MiddlewareHandler } from 'hono'
import { GatewayError } from '../../errors/gateway-error'
import { errorResponse } from '../error-dialect'

const loopbackHostnames = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** `localhost:5000` → `localhost`, `[::1]:5000` → `[::1]`. */
export function hostnameOfHostHeader(host: string): string {
  const trimmed = host.trim().toLowerCase()
  if (trimmed.startsWith('[')) return trimmed.slice(0, trimmed.indexOf(']') + 1)
  const colon = trimmed.indexOf(':')
  return colon === -1 ? trimmed : trimmed.slice(0, colon)
}

export function isLoopbackHostname(hostname: string): boolean {
  return loopbackHostnames.has(hostname) || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/**
 * DNS-rebinding guard: a web page on evil.example that resolves its name to 127.0.0.1 reaches us with
 * `Host: evil.example`. When the gateway is bound to loopback, only loopback Host names are accepted.
 */
export function hostGuard(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host')
    if (host !== undefined && !isLoopbackHostname(hostnameOfHostHeader(host))) {
      return errorResponse(
        c,
        new GatewayError({
          status: 403,
          type: 'permission',
          code: 'host_not_allowed',
          message: `Host "${hostnameOfHostHeader(host)}" is not allowed: the gateway is bound to loopback and only answers localhost, 127.0.0.1 and [::1].`,
        }),
      )
    }
    await next()
  }
}
