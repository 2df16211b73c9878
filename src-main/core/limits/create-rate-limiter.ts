/** What `acquire` answers: go ahead, or come back after `retryAfterMs`. */
export type RateLimitDecision =
  | { granted: true }
  | {
      granted: false
      retryAfterMs: number
      /** `rate_limited`: no slot now and no waiting; `queue_full`: the wait queue is full; `aborted`: the caller left. */
      reason: 'rate_limited' | 'queue_full' | 'aborted'
    }

export interface RateLimiter {
  /** Resolves at once, or (with `wait`) when a queued request gets its slot or its signal aborts. */
  acquire(signal?: AbortSignal): Promise<RateLimitDecision>
  /** Requests waiting in the queue now. */
  readonly queued: number
}

export interface RateLimiterOptions {
  /** Minimum time between two granted requests; 0 = no interval limit. */
  intervalMs: number
  /** At most this many grants in any 60-second window; 0 = no per-minute limit. */
  requestsPerMinute: number
  /** Queue requests until their slot comes instead of refusing them. */
  wait: boolean
  /** Largest number of queued requests; one more is refused with `queue_full`. */
  queueSize: number
  now?: () => number
  /** Runs `callback` after `delayMs`; returns a function that cancels it. */
  setTimer?: (callback: () => void, delayMs: number) => () => void
}

const WINDOW_MS = 60_000

interface Waiter {
  resolve(decision: RateLimitDecision): void
  signal: AbortSignal | undefined
  onAbort: () => void
}

function defaultSetTimer(callback: () => void, delayMs: number): () => void {
  const timer = setTimeout(callback, delayMs)
  return () => clearTimeout(timer)
}

/**
 * A global limiter: an interval between grants, a sliding 60-second window of grants, or both. Without
 * `wait` a request that finds no free slot is refused with the time until the next one; with `wait` it
 * joins a bounded FIFO queue and leaves it when its signal aborts.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now
  const setTimer = options.setTimer ?? defaultSetTimer
  /** Grant times, oldest first; only the last `requestsPerMinute` (or the last one) matter. */
  const grants: number[] = []
  const queue: Waiter[] = []
  let cancelTimer: (() => void) | undefined

  const keptGrants = Math.max(1, options.requestsPerMinute)

  /** How long after `time` the next grant may happen, given these grant times. */
  function delayAfter(time: number, history: number[]): number {
    let delay = 0
    const last = history.at(-1)
    if (options.intervalMs > 0 && last !== undefined) delay = Math.max(delay, last + options.intervalMs - time)
    if (options.requestsPerMinute > 0 && history.length >= options.requestsPerMinute) {
      const leaving = history[history.length - options.requestsPerMinute]!
      delay = Math.max(delay, leaving + WINDOW_MS - time)
    }
    return Math.max(0, delay)
  }

  function recordGrant(time: number): void {
    grants.push(time)
    if (grants.length > keptGrants) grants.splice(0, grants.length - keptGrants)
  }

  /** How long a request joining behind `ahead` queued requests would wait: the grants simulated in order. */
  function waitBehind(ahead: number): number {
    const time = now()
    const history = [...grants]
    let grantAt = time
    for (let index = 0; index <= ahead; index += 1) {
      grantAt += delayAfter(grantAt, history)
      if (index < ahead) history.push(grantAt)
    }
    return grantAt - time
  }

  function grantReadyWaiters(): void {
    cancelTimer = undefined
    while (queue.length > 0 && delayAfter(now(), grants) === 0) {
      const waiter = queue.shift()!
      waiter.signal?.removeEventListener('abort', waiter.onAbort)
      recordGrant(now())
      waiter.resolve({ granted: true })
    }
    scheduleNextGrant()
  }

  function scheduleNextGrant(): void {
    if (cancelTimer !== undefined || queue.length === 0) return
    cancelTimer = setTimer(grantReadyWaiters, Math.max(1, delayAfter(now(), grants)))
  }

  function leaveQueue(waiter: Waiter): void {
    const index = queue.indexOf(waiter)
    if (index === -1) return
    queue.splice(index, 1)
    waiter.resolve({ granted: false, retryAfterMs: 0, reason: 'aborted' })
    if (queue.length === 0) {
      cancelTimer?.()
      cancelTimer = undefined
    }
  }

  return {
    get queued() {
      return queue.length
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve({ granted: false, retryAfterMs: 0, reason: 'aborted' })
      const delay = delayAfter(now(), grants)
      if (queue.length === 0 && delay === 0) {
        recordGrant(now())
        return Promise.resolve({ granted: true })
      }
      if (!options.wait) return Promise.resolve({ granted: false, retryAfterMs: delay, reason: 'rate_limited' })
      if (queue.length >= options.queueSize) {
        return Promise.resolve({ granted: false, retryAfterMs: waitBehind(queue.length), reason: 'queue_full' })
      }
      return new Promise<RateLimitDecision>((resolve) => {
        const waiter: Waiter = { resolve, signal, onAbort: () => leaveQueue(waiter) }
        signal?.addEventListener('abort', waiter.onAbort, { once: true })
        queue.push(waiter)
        scheduleNextGrant()
      })
    },
  }
}
