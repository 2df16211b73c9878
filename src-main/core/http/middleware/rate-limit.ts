import type { MiddlewareHandler } from 'hono'
import { GatewayError } from '../../errors/gateway-error'
import type { RateLimitDecision, RateLimiter } from '../../limits/create-rate-limiter'
import { errorResponse } from '../error-dialect'

export interface RateLimitOptions {
  limiter: RateLimiter
  /** Requests that never take a slot. */
  isExempt: (method: string, path: string) => boolean
  /** The configured limits in words, for the 429 message ("one request every 2 s"). */
  describeLimit: string
}

/** Whole seconds for `Retry-After`, rounded up, never 0. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000))
}

function refusal(decision: Extract<RateLimitDecision, { granted: false }>, describeLimit: string): GatewayError {
  const seconds = retryAfterSeconds(decision.retryAfterMs)
  const wait = `try again in ${seconds} second${seconds === 1 ? '' : 's'}`
  const message =
    decision.reason === 'queue_full'
      ? `Rate limit reached and the wait queue is full (gateway limit: ${describeLimit}); ${wait}.`
      : `Rate limit reached (gateway limit: ${describeLimit}); ${wait}.`
  return new GatewayError({ status: 429, type: 'rate_limit', code: 'rate_limit_exceeded', message, headers: { 'retry-after': String(seconds) } })
}

/** Takes a slot from the limiter before the route runs; 429 in the caller's dialect when there is none. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  return async (c, next) => {
    if (options.isExempt(c.req.method, c.req.path)) return next()
    // The client's own signal: a client that hangs up while queued leaves the queue.
    const decision = await options.limiter.acquire(c.req.raw.signal)
    if (!decision.granted) return errorResponse(c, refusal(decision, options.describeLimit))
    return next()
  }
}
