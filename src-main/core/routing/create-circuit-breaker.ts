import type { Logger } from 'pino'
import { UpstreamError } from '../errors/upstream-error'

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
  /** False while the instance's circuit is open, or half-open with its probe already under way. */
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
}

/**
 * A circuit breaker per provider instance: after `failureThreshold` consecutive retryable failures the
 * circuit is OPEN for `coolingMs` (failover skips the instance); then the next attempt is let through as a
 * probe (HALF-OPEN, one at a time); its success closes the circuit, its failure opens it again for another
 * cooling period. Every state change is logged with the instance, the new state and the reason.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const failureThreshold = options.failureThreshold ?? 3
  const coolingMs = options.coolingMs ?? 30_000
  const now = options.now ?? Date.now
  const circuits = new Map<string, Circuit>()

  const circuitOf = (instanceId: string): Circuit => {
    let circuit = circuits.get(instanceId)
    if (!circuit) circuits.set(instanceId, (circuit = { state: 'closed', consecutiveFailures: 0, openedAt: 0 }))
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
      if (!circuit || circuit.state === 'closed') return true
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
      // Tried anyway while open (every other candidate failed too): still open, cooling from now, no new log line.
      if (circuit.state === 'open') circuit.openedAt = now()
      else if (circuit.state === 'half-open') change(instanceId, circuit, 'open', `the probe failed: ${reason}`)
      else if (circuit.consecutiveFailures >= failureThreshold) change(instanceId, circuit, 'open', `${circuit.consecutiveFailures} consecutive retryable failures; last: ${reason}`)
    },
    state: (instanceId) => circuits.get(instanceId)?.state ?? 'closed',
  }
}
