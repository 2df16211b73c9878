import { randomFillSync } from 'node:crypto'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { RequestAttempt, RequestLogRepository } from '../../store'
import type { GatewayEnv } from '../gateway-env'

export interface RequestLogOptions {
  logger: Logger
  /** API requests are also kept in the database for the usage and logs pages. */
  repository?: RequestLogRepository
  /** Paths not worth a database row (health probes, static admin assets). */
  isQuiet?: (path: string) => boolean
  /** Applied to stored free text (failover reasons): registered secrets never reach the database. */
  scrub?: (text: string) => string
}

/**
 * Gives every request an id (echoed as `x-request-id`) and writes one log line when it ends: id, method,
 * path, status, duration, client IP, User-Agent and model. The client IP is the socket's peer address;
 * forwarded-for headers are not trusted.
 */
export function requestLog(options: RequestLogOptions): MiddlewareHandler<GatewayEnv> {
  const onWriteError = (error: unknown) => options.logger.error({ err: error }, 'cannot write the request log to the database')
  return async (c, next) => {
    const startedAt = performance.now()
    const requestId = newRequestId()
    c.set('requestId', requestId)
    c.header('x-request-id', requestId)
    try {
      await next()
    } finally {
      const path = c.req.path
      const record = {
        requestId,
        method: c.req.method,
        path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
        clientIp: clientAddress(c),
        userAgent: c.req.header('user-agent') ?? null,
        model: c.get('model') ?? null,
        providerId: c.get('providerId') ?? null,
        ...(c.get('attempts') ? { attempts: scrubbed(c.get('attempts')!, options.scrub) } : {}),
      }
      const quiet = options.isQuiet?.(path) ?? false
      options.logger[quiet ? 'debug' : 'info'](record, 'request')
      // Written with the other rows of this turn, after the response is on its way (see insertSoon).
      if (!quiet) options.repository?.insertSoon(record, onWriteError)
    }
  }
}

// 8 random bytes per id, from a pool filled 4 KiB at a time: randomBytes(8) went to the OpenSSL RNG on every
// request (1.7 % of the gateway's CPU in bench/). The ids are as random as before, just fetched in bulk.
const idPool = Buffer.allocUnsafe(4096)
let idOffset = idPool.length

/** 16 hex digits, fresh for every request. */
export function newRequestId(): string {
  if (idOffset + 8 > idPool.length) {
    randomFillSync(idPool)
    idOffset = 0
  }
  const id = idPool.toString('hex', idOffset, idOffset + 8)
  idOffset += 8
  return id
}

/** The socket peer address (forwarded-for headers are not trusted); null without a socket (app.request() in tests). */
export function clientAddress(c: Parameters<MiddlewareHandler<GatewayEnv>>[0]): string | null {
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    return null // app.request() in tests has no socket
  }
}

function scrubbed(attempts: RequestAttempt[], scrub: ((text: string) => string) | undefined): RequestAttempt[] {
  return scrub ? attempts.map((attempt) => ({ ...attempt, reason: scrub(attempt.reason) })) : attempts
}
