import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import { GatewayError } from '../../errors/gateway-error'
import type { ApprovalOutcome, ApprovalQueue } from '../../limits/create-approval-queue'
import { errorResponse } from '../error-dialect'
import type { GatewayEnv } from '../gateway-env'
import { clientAddress } from './request-log'

export interface ManualApprovalOptions {
  queue: ApprovalQueue
  logger: Logger
  /** Requests that never wait for a decision (reads, token counting). */
  isExempt: (method: string, path: string) => boolean
}

/** What the operator sees of a request: the model it names and a rough size, read from the (cached) body. */
async function describeBody(c: Parameters<MiddlewareHandler>[0]): Promise<{ model: string | null; estimatedTokens: number | null }> {
  try {
    const text = await c.req.text()
    const json: unknown = JSON.parse(text)
    const model = typeof json === 'object' && json !== null && typeof (json as { model?: unknown }).model === 'string' ? (json as { model: string }).model : null
    return { model, estimatedTokens: Math.ceil(text.length / 4) }
  } catch {
    return { model: null, estimatedTokens: null } // the route answers the malformed body after approval
  }
}

function refusal(outcome: Extract<ApprovalOutcome, 'denied' | 'timed-out'>, timeoutMs: number): GatewayError {
  const message =
    outcome === 'denied'
      ? 'The gateway operator denied this request (manual approval is on).'
      : `Nobody approved this request within ${Math.round(timeoutMs / 1000)} s (manual approval is on), so it was denied.`
  return new GatewayError({ status: 403, type: 'permission', code: outcome === 'denied' ? 'approval_denied' : 'approval_timeout', message })
}

/**
 * `--manual`: each generating /v1 request waits until the operator approves it (admin contract or terminal).
 * A client that hangs up while waiting leaves the list; nothing reaches the upstream before approval.
 */
export function manualApproval(options: ManualApprovalOptions): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    if (options.isExempt(c.req.method, c.req.path)) return next()
    const outcome = await options.queue.wait(
      { clientIp: clientAddress(c), userAgent: c.req.header('user-agent') ?? null, method: c.req.method, path: c.req.path, ...(await describeBody(c)) },
      c.req.raw.signal,
    )
    const requestId = c.get('requestId')
    if (outcome === 'approved' || outcome === 'allowed-client') {
      options.logger.debug({ requestId, outcome }, 'request approved')
      return next()
    }
    options.logger.info({ requestId, outcome }, `request ${outcome === 'cancelled' ? 'left while awaiting approval' : outcome}`)
    // 499: the client closed the request (it will not read this answer; the request log records it).
    if (outcome === 'cancelled') return c.body(null, 499 as 200)
    return errorResponse(c, refusal(outcome, options.queue.timeoutMs))
  }
}
