import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { GatewayError } from '../../errors/gateway-error'
import { errorResponse } from '../error-dialect'

export interface ApiKeyAuthOptions {
  apiKey: string
  /** Routes anyone may call (health probes, the admin page's static files). */
  isPublic: (method: string, path: string) => boolean
  /** Routes that stream events to an EventSource, which cannot set headers: `?api_key=` is accepted there only. */
  isEventStream: (path: string) => boolean
}

/** Compares digests, so neither the content nor the length of the key leaks through timing. */
export function keysMatch(presented: string, expected: string): boolean {
  return timingSafeEqual(sha256(presented), sha256(expected))
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

/** `Authorization: Bearer <key>` (any case), then `x-api-key`, then `?api_key=` on event-stream routes. */
export function presentedKey(headers: { authorization?: string; 'x-api-key'?: string }, queryKey: string | undefined): string | undefined {
  const authorization = headers.authorization?.trim()
  if (authorization) {
    const match = /^bearer\s+(\S+)$/i.exec(authorization)
    if (match) return match[1]
  }
  const headerKey = headers['x-api-key']?.trim()
  if (headerKey) return headerKey
  return queryKey
}

/** The inbound API key guard on every route but the public ones; 401 in the caller's dialect. */
export function apiKeyAuth(options: ApiKeyAuthOptions): MiddlewareHandler {
  // The expected key's digest once, not on every request (as keysMatch, minus the repeated half).
  const expectedDigest = sha256(options.apiKey)
  return async (c, next) => {
    const path = c.req.path
    if (options.isPublic(c.req.method, path)) return next()
    const key = presentedKey(
      { authorization: c.req.header('authorization'), 'x-api-key': c.req.header('x-api-key') },
      options.isEventStream(path) ? c.req.query('api_key') : undefined,
    )
    if (key === undefined || !timingSafeEqual(sha256(key), expectedDigest)) {
      return errorResponse(
        c,
        new GatewayError({
          status: 401,
          type: 'authentication',
          code: 'invalid_api_key',
          message:
            key === undefined
              ? 'Missing API key: send it as "Authorization: Bearer <key>" or "x-api-key: <key>" (omnillm prints where the key is kept at start-up).'
              : 'Invalid API key.',
          headers: { 'www-authenticate': 'Bearer realm="omnillm"' },
        }),
      )
    }
    return next()
  }
}
