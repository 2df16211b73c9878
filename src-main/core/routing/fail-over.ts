import type { Logger } from 'pino'
import { UpstreamError } from '../errors/upstream-error'
import type { CircuitBreaker } from './create-circuit-breaker'

/**
 * Tries `attempt` on each candidate in order and returns the first success. An attempt that throws (i.e.
 * failed before anything reached the client) moves on to the next candidate only when the error is
 * retryable (`UpstreamError.retryable`: connection errors, 408, 409, 429, 5xx) and the client is still
 * there; anything else, or the last candidate's failure, is thrown as it is. Every failure is logged.
 * With a circuit breaker, candidates on unavailable instances (circuit open, or resting after a Retry-After)
 * go to the end of the list — tried only
 * when the others fail, so no request is refused just because every circuit is open — and every outcome
 * (success, or failure before the first byte) is recorded; a client that hung up records nothing.
 */
export async function failOver<Candidate extends { provider: { id: string } }, Result>(options: {
  candidates: Candidate[]
  attempt(candidate: Candidate, isLast: boolean): Promise<Result>
  logger: Logger
  requestId: string
  signal: AbortSignal
  breaker?: CircuitBreaker
  /** Called for each candidate that failed before the client got anything (the request log keeps them). */
  onFailure?: (candidate: Candidate, error: unknown) => void
}): Promise<Result> {
  const { logger, requestId, breaker } = options
  const candidates = breaker ? orderByAvailability(options.candidates, breaker) : options.candidates
  for (const [index, candidate] of candidates.entries()) {
    const isLast = index === candidates.length - 1
    const instanceId = candidate.provider.id
    try {
      breaker?.beginAttempt(instanceId)
      const result = await options.attempt(candidate, isLast)
      breaker?.recordSuccess(instanceId)
      return result
    } catch (error) {
      if (!options.signal.aborted) breaker?.recordFailure(instanceId, error)
      options.onFailure?.(candidate, error)
      const movingOn = !isLast && !options.signal.aborted && UpstreamError.isUpstreamError(error) && error.retryable
      if (candidates.length > 1) {
        const status = UpstreamError.isUpstreamError(error) ? error.upstreamStatus : undefined
        const reason = error instanceof Error ? error.message : String(error)
        logger.warn({ requestId, instanceId, status, reason, attempt: index + 1, of: candidates.length }, movingOn ? 'candidate failed; trying the next one' : 'candidate failed; no failover')
      }
      if (!movingOn) throw error
    }
  }
  throw new Error('failOver needs at least one candidate')
}

/** Candidates on available instances first, then those whose circuit is open, each group in its order. */
function orderByAvailability<Candidate extends { provider: { id: string } }>(candidates: Candidate[], breaker: CircuitBreaker): Candidate[] {
  const available = candidates.map((candidate) => breaker.isAvailable(candidate.provider.id))
  return [...candidates.filter((_, index) => available[index]), ...candidates.filter((_, index) => !available[index])]
}
