import type { Logger } from 'pino'
import { UpstreamError } from '../errors/upstream-error'

/**
 * Tries `attempt` on each candidate in order and returns the first success. An attempt that throws (i.e.
 * failed before anything reached the client) moves on to the next candidate only when the error is
 * retryable (`UpstreamError.retryable`: connection errors, 408, 409, 429, 5xx) and the client is still
 * there; anything else, or the last candidate's failure, is thrown as it is. Every failure is logged.
 */
export async function failOver<Candidate extends { provider: { id: string } }, Result>(options: {
  candidates: Candidate[]
  attempt(candidate: Candidate, isLast: boolean): Promise<Result>
  logger: Logger
  requestId: string
  signal: AbortSignal
}): Promise<Result> {
  const { candidates, logger, requestId } = options
  for (const [index, candidate] of candidates.entries()) {
    const isLast = index === candidates.length - 1
    try {
      return await options.attempt(candidate, isLast)
    } catch (error) {
      const movingOn = !isLast && !options.signal.aborted && UpstreamError.isUpstreamError(error) && error.retryable
      if (candidates.length > 1) {
        const status = UpstreamError.isUpstreamError(error) ? error.upstreamStatus : undefined
        const reason = error instanceof Error ? error.message : String(error)
        logger.warn({ requestId, instanceId: candidate.provider.id, status, reason, attempt: index + 1, of: candidates.length }, movingOn ? 'candidate failed; trying the next one' : 'candidate failed; no failover')
      }
      if (!movingOn) throw error
    }
  }
  throw new Error('failOver needs at least one candidate')
}
