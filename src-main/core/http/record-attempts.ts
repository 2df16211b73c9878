import type { Context } from 'hono'
import { UpstreamError } from '../errors/upstream-error'
import type { GatewayEnv } from './gateway-env'

interface Attempted {
  provider: { id: string }
  upstreamModel: string
}

/**
 * What failover tells the request log: `began` names the candidate being tried (the row's provider), and
 * `failed` adds a failed attempt with its status and reason to the row's `attempts`.
 */
export function recordAttempts(c: Context<GatewayEnv>) {
  return {
    began(candidate: Attempted): void {
      c.set('providerId', candidate.provider.id)
    },
    failed(candidate: Attempted, error: unknown): void {
      const attempts = c.get('attempts') ?? []
      attempts.push({
        instanceId: candidate.provider.id,
        model: candidate.upstreamModel,
        status: UpstreamError.isUpstreamError(error) ? error.upstreamStatus : null,
        reason: error instanceof Error ? error.message : String(error),
      })
      c.set('attempts', attempts)
    },
  }
}
