import { randomBytes } from 'node:crypto'

/** One request waiting for the operator (manual approval, `--manual`). */
export interface PendingApproval {
  id: string
  /** ISO time it arrived. */
  receivedAt: string
  /** ISO time it is denied if nobody decides. */
  expiresAt: string
  clientIp: string | null
  userAgent: string | null
  method: string
  path: string
  model: string | null
  /** A rough input size (characters / 4), for the operator's judgement only. */
  estimatedTokens: number | null
}

export type ApprovalRequest = Omit<PendingApproval, 'id' | 'receivedAt' | 'expiresAt'>

export type ApprovalDecision =
  | { decision: 'approve' }
  | { decision: 'deny' }
  /** Approve this request and let the same client (IP + User-Agent) through without asking for `minutes`. */
  | { decision: 'always-allow'; minutes: number }

/** How a request's wait ended. */
export type ApprovalOutcome = 'approved' | 'allowed-client' | 'denied' | 'timed-out' | 'cancelled'

export type ApprovalEvent = { type: 'pending'; request: PendingApproval } | { type: 'settled'; id: string; outcome: ApprovalOutcome }

export interface ApprovalQueue {
  /**
   * Waits for the operator's decision. Resolves at once for a client allowed by an earlier
   * "always allow"; `cancelled` when the signal aborts (the client went away), `timed-out` after the timeout.
   */
  wait(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalOutcome>
  /** The requests waiting now, oldest first. */
  pending(): PendingApproval[]
  /** False when the id is not waiting (already decided, timed out or gone). */
  decide(id: string, decision: ApprovalDecision): boolean
  /** Every new pending request and every settled one; returns the unsubscribe function. */
  subscribe(listener: (event: ApprovalEvent) => void): () => void
  readonly timeoutMs: number
}

interface Waiting {
  request: PendingApproval
  settle(outcome: ApprovalOutcome): void
}

export function createApprovalQueue(options: {
  timeoutMs: number
  now?: () => number
  /** Runs `callback` after `delayMs`; returns a function that cancels it. */
  setTimer?: (callback: () => void, delayMs: number) => () => void
}): ApprovalQueue {
  const now = options.now ?? Date.now
  const setTimer =
    options.setTimer ??
    ((callback, delayMs) => {
      const timer = setTimeout(callback, delayMs)
      return () => clearTimeout(timer)
    })
  const waiting = new Map<string, Waiting>()
  /** Client key → allowed until (ms). */
  const allowedClients = new Map<string, number>()
  const listeners = new Set<(event: ApprovalEvent) => void>()
  const emit = (event: ApprovalEvent) => listeners.forEach((listener) => listener(event))

  const clientKey = (request: Pick<ApprovalRequest, 'clientIp' | 'userAgent'>) => `${request.clientIp ?? '?'}\n${request.userAgent ?? ''}`

  function isAllowed(request: ApprovalRequest): boolean {
    const key = clientKey(request)
    const until = allowedClients.get(key)
    if (until === undefined) return false
    if (until > now()) return true
    allowedClients.delete(key)
    return false
  }

  return {
    timeoutMs: options.timeoutMs,
    wait(request, signal) {
      if (signal.aborted) return Promise.resolve('cancelled')
      if (isAllowed(request)) return Promise.resolve('allowed-client')
      const receivedAt = now()
      const pending: PendingApproval = {
        ...request,
        id: randomBytes(6).toString('hex'),
        receivedAt: new Date(receivedAt).toISOString(),
        expiresAt: new Date(receivedAt + options.timeoutMs).toISOString(),
      }
      return new Promise<ApprovalOutcome>((resolve) => {
        const onAbort = () => settle('cancelled')
        const cancelTimer = setTimer(() => settle('timed-out'), options.timeoutMs)
        function settle(outcome: ApprovalOutcome) {
          if (!waiting.delete(pending.id)) return
          cancelTimer()
          signal.removeEventListener('abort', onAbort)
          resolve(outcome)
          emit({ type: 'settled', id: pending.id, outcome })
        }
        signal.addEventListener('abort', onAbort, { once: true })
        waiting.set(pending.id, { request: pending, settle })
        emit({ type: 'pending', request: pending })
      })
    },
    pending: () => [...waiting.values()].map((entry) => entry.request),
    decide(id, decision) {
      const entry = waiting.get(id)
      if (!entry) return false
      if (decision.decision === 'deny') {
        entry.settle('denied')
        return true
      }
      if (decision.decision === 'always-allow') {
        allowedClients.set(clientKey(entry.request), now() + decision.minutes * 60_000)
        // The same client's other waiting requests go through too: that is what "always allow" means.
        for (const other of [...waiting.values()]) {
          if (other !== entry && clientKey(other.request) === clientKey(entry.request)) other.settle('allowed-client')
        }
      }
      entry.settle('approved')
      return true
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
