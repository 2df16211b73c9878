import type { Logger } from 'pino'
import { UpstreamError } from '../errors/upstream-error'
import { parseRetryAfter } from './parse-retry-after'

export type CircuitState = 'closed' | 'open' | 'half-open'

export interface CircuitBreakerOptions {
  logger: Logger
  /** Consecutive retryable failures that open an instance's circuit. Default 3. */
  failureThreshold?: number
  /** How long an open circuit stays open before one probe request is let through. Default 30 000. */
  coolingMs?: number
  /** Milliseconds since some epoch; tests pass a fake clock. Default Date.now. */
  now?: () => number
}

/** Per-instance health for failover; see createCircuitBreaker. */
export interface CircuitBreaker {
  /** False while the instance's circuit is open, or half-open with its probe already under way, or it is resting (Retry-After). */
  isAvailable(instanceId: string): boolean
  /** Call right before trying the instance: an open circuit whose cooling period is over turns half-open, and this attempt is its probe. */
  beginAttempt(instanceId: string): void
  recordSuccess(instanceId: string): void
  /** Only retryable UpstreamErrors count (connection errors, timeouts, 408, 409, 429, 5xx); anything else ends a probe without a verdict. */
  recordFailure(instanceId: string, error: unknown): void
  state(instanceId: string): CircuitState
}

interface Circuit {
  state: CircuitState
  consecutiveFailures: number
  openedAt: number
  /** Until when (ms) the upstream asked not to be called again (`Retry-After` on a retryable failure). */
  restUntil: number
}

/**
 * A circuit breaker per provider instance: after `failureThreshold` consecutive retryable failures the
 * circuit is OPEN for `coolingMs` (failover skips the instance); then the next attempt is let through as a
 * probe (HALF-OPEN, one at a time); its success closes the circuit, its failure opens it again for another
 * cooling period. Every state change is logged with the instance, the new state and the reason.
 * Apart from the circuit, a retryable failure carrying `Retry-After` (a 429 or 503 that says when to come
 * back) rests the instance until then: it is not available, so failover tries every other candidate first.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const failureThreshold = options.failureThreshold ?? 3
  const coolingMs = options.coolingMs ?? 30_000
  const now = options.now ?? Date.now
  const circuits = new Map<string, Circuit>()

  const circuitOf = (instanceId: string): Circuit => {
    let circuit = circuits.get(instanceId)
    if (!circuit) circuits.set(instanceId, (circuit = { state: 'closed', consecutiveFailures: 0, openedAt: 0, restUntil: 0 }))
    return circuit
  }
  const change = (instanceId: string, circuit: Circuit, state: CircuitState, reason: string): void => {
    circuit.state = state
    if (state === 'open') circuit.openedAt = now()
    if (state === 'closed') circuit.consecutiveFailures = 0
    options.logger.warn({ instanceId, state, reason }, `circuit breaker: instance "${instanceId}" is ${state}`)
  }
  const cooled = (circuit: Circuit): boolean => now() - circuit.openedAt >= coolingMs

  return {
    isAvailable(instanceId) {
      const circuit = circuits.get(instanceId)
      if (!circuit) return true
      if (circuit.restUntil > now()) return false
      if (circuit.state === 'closed') return true
      return circuit.state === 'open' && cooled(circuit)
    },
    beginAttempt(instanceId) {
      const circuit = circuits.get(instanceId)
      if (circuit?.state === 'open' && cooled(circuit)) change(instanceId, circuit, 'half-open', `cooling period of ${coolingMs} ms over; letting one probe request through`)
    },
    recordSuccess(instanceId) {
      const circuit = circuitOf(instanceId)
      if (circuit.state === 'closed') circuit.consecutiveFailures = 0
      else change(instanceId, circuit, 'closed', 'a request succeeded')
    },
    recordFailure(instanceId, error) {
      const circuit = circuitOf(instanceId)
      const reason = error instanceof Error ? error.message : String(error)
      if (!UpstreamError.isUpstreamError(error) || !error.retryable) {
        // Not the instance's health (a 400, 401 …): a probe that got one leaves the circuit open for the next probe.
        if (circuit.state === 'half-open') {
          const { openedAt } = circuit
          change(instanceId, circuit, 'open', `the probe got a non-retryable answer (${reason}); the next request probes again`)
          circuit.openedAt = openedAt
        }
        return
      }
      circuit.consecutiveFailures++
      const restMs = parseRetryAfter(error.headers['retry-after'], now())
      if (restMs !== undefined) {
        circuit.restUntil = now() + restMs
        options.logger.info({ instanceId, retryAfterMs: restMs }, `instance "${instanceId}" asked to wait ${Math.ceil(restMs / 1000)} s (Retry-After); not calling it until then`)
      }
      // Tried anyway while open (every other candidate failed too): still open, cooling from now, no new log line.
      if (circuit.state === 'open') circuit.openedAt = now()
      else if (circuit.state === 'half-open') change(instanceId, circuit, 'open', `the probe failed: ${reason}`)
      else if (circuit.consecutiveFailures >= failureThreshold) change(instanceId, circuit, 'open', `${circuit.consecutiveFailures} consecutive retryable failures; last: ${reason}`)
    },
    state: (instanceId) => circuits.get(instanceId)?.state ?? 'closed',
  }
}
