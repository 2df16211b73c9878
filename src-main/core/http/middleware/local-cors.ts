import type { MiddlewareHandler } from 'hono'
import { isLoopbackHostname } from './host-guard'

const allowedMethods = 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS'
const exposedHeaders = 'x-request-id, retry-after, x-omnillm-provider, x-omnillm-model, x-omnillm-token-estimate'

/** `http(s)://localhost`, `127.0.0.1` and `[::1]` origins on any port; nothing else. */
export function isLocalOrigin(origin: string): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname)
}

/**
 * CORS for browser clients on this machine only. Preflights from local origins are answered here, before
 * authentication (browsers never send credentials on a preflight); other origins get no CORS headers, so
 * the browser blocks them.
 */
export function localCors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin')
    const allowed = origin !== undefined && isLocalOrigin(origin)
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      if (!allowed) return c.body(null, 403)
      c.header('access-control-allow-origin', origin)
      c.header('access-control-allow-methods', allowedMethods)
      c.header('access-control-allow-headers', c.req.header('access-control-request-headers') ?? 'authorization, content-type, x-api-key')
      c.header('access-control-max-age', '600')
      c.header('vary', 'Origin, Access-Control-Request-Headers')
      return c.body(null, 204)
    }
    await next()
    if (allowed) {
      c.res.headers.set('access-control-allow-origin', origin)
      c.res.headers.set('access-control-expose-headers', exposedHeaders)
      c.res.headers.append('vary', 'Origin')
    }
  }
}
