import { describe, expect, test } from 'vitest'
import { createRateLimiter, type RateLimitDecision, type RateLimiterOptions } from './create-rate-limiter'

/** A hand-driven clock: timers fire only when `advance` passes their due time. */
function fakeClock() {
  let time = 1_000_000
  let nextId = 0
  const timers = new Map<number, { due: number; callback: () => void }>()
  return {
    now: () => time,
    setTimer: (callback: () => void, delayMs: number) => {
      const id = nextId++
      timers.set(id, { due: time + delayMs, callback })
      return () => timers.delete(id)
    },
    pendingTimers: () => timers.size,
    /** Moves the clock without running timers: a timer that fires late. */
    skip(ms: number) {
      time += ms
    },
    async advance(ms: number) {
      const end = time + ms
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.due <= end).sort((a, b) => a[1].due - b[1].due)[0]
        if (!due) break
        time = due[1].due
        timers.delete(due[0])
        due[1].callback()
        await Promise.resolve()
      }
      time = end
      await Promise.resolve()
    },
  }
}

function limiterWith(options: Partial<RateLimiterOptions>) {
  const clock = fakeClock()
  const limiter = createRateLimiter({ intervalMs: 0, requestsPerMinute: 0, wait: false, queueSize: 64, now: clock.now, setTimer: clock.setTimer, ...options })
  return { clock, limiter }
}

/** Records the order in which queued acquisitions settle. */
function track(promise: Promise<RateLimitDecision>, name: string, settled: Array<[string, RateLimitDecision]>) {
  void promise.then((decision) => settled.push([name, decision]))
}

describe('createRateLimiter: interval', () => {
  test('grants the first request, refuses the next until the interval has passed', async () => {
    const { clock, limiter } = limiterWith({ intervalMs: 1500 })
    expect(await limiter.acquire()).toEqual({ granted: true })
    await clock.advance(400)
    expect(await limiter.acquire()).toEqual({ granted: false, retryAfterMs: 1100, reason: 'rate_limited' })
    await clock.advance(1100)
    expect(await limiter.acquire()).toEqual({ granted: true })
  })

  test('a refused request does not push the next slot back', async () => {
    const { clock, limiter } = limiterWith({ intervalMs: 1000 })
    await limiter.acquire()
    await clock.advance(900)
    await limiter.acquire()
    await clock.advance(100)
    expect(await limiter.acquire()).toEqual({ granted: true })
  })
})

describe('createRateLimiter: requests per minute (sliding window)', () => {
  test('allows n grants in any 60 s, then waits for the oldest to leave the window', async () => {
    const { clock, limiter } = limiterWith({ requestsPerMinute: 3 })
    expect(await limiter.acquire()).toEqual({ granted: true })
    await clock.advance(10_000)
    expect(await limiter.acquire()).toEqual({ granted: true })
    await clock.advance(10_000)
    expect(await limiter.acquire()).toEqual({ granted: true })
    await clock.advance(5_000)
    expect(await limiter.acquire()).toEqual({ granted: false, retryAfterMs: 35_000, reason: 'rate_limited' })
    await clock.advance(35_000)
    expect(await limiter.acquire()).toEqual({ granted: true })
    // The window slides: the second grant (at 10 s) leaves at 70 s, not at the next full minute.
    expect(await limiter.acquire()).toEqual({ granted: false, retryAfterMs: 10_000, reason: 'rate_limited' })
  })

  test('interval and per-minute limits together: the later of the two wins', async () => {
    const { clock, limiter } = limiterWith({ intervalMs: 1000, requestsPerMinute: 2 })
    await limiter.acquire()
    expect(await limiter.acquire()).toEqual({ granted: false, retryAfterMs: 1000, reason: 'rate_limited' })
    await clock.advance(1000)
    expect(await limiter.acquire()).toEqual({ granted: true })
    await clock.advance(1000)
    expect(await limiter.acquire()).toEqual({ granted: false, retryAfterMs: 58_000, reason: 'rate_limited' })
  })
})

describe('createRateLimiter: wait queue', () => {
  test('queued requests are granted one per interval, in arrival order', async () => {
    const { clock, limiter } = limiterWith({ intervalMs: 1000, wait: true })
    const settled: Array<[string, RateLimitDecision]> = []
    expect(await limiter.acquire()).toEqual({ granted: true })
    track(limiter.acquire(), 'b', settled)
    track(limiter.acquire(), 'c', settled)
    track(limiter.acquire(), 'd', settled)
    expect(limiter.queued).toBe(3)
    await clock.advance(999)
    expect(settled).toEqual([])
    await clock.advance(1)
    expect(settled.map(([name]) => name)).toEqual(['b'])
    await clock.advance(2000)
    expect(settled).toEqual([
      ['b', { granted: true }],
      ['c', { granted: true }],
      ['d', { granted: true }],
    ])
    expect(limiter.queued).toBe(0)
    expect(clock.pendingTimers()).toBe(0)
  })

  test('a newcomer does not overtake the queue even when its slot looks free', async () => {
    const { clock, limiter } = limiterWith({ requestsPerMinute: 1, wait: true })
    const settled: Array<[string, RateLimitDecision]> = []
    await limiter.acquire()
    track(limiter.acquire(), 'first-queued', settled)
    clock.skip(60_000) // the slot is free, but the queue's timer has not fired yet
    track(limiter.acquire(), 'newcomer', settled)
    await clock.advance(60_000)
    expect(settled.map(([name]) => name)).toEqual(['first-queued', 'newcomer'])
  })

  test('a full queue refuses with the estimated wait', async () => {
    const { limiter } = limiterWith({ intervalMs: 1000, wait: true, queueSize: 2 })
    await limiter.acquire()
    void limiter.acquire()
    void limiter.acquire()
    expect(limiter.queued).toBe(2)
    expect(await limiter.acquire()).toEqual({ granted: false, retryAfterMs: 3000, reason: 'queue_full' })
    expect(limiter.queued).toBe(2)
  })

  test('an aborted waiter leaves the queue, frees its slot, and the next one moves up', async () => {
    const { clock, limiter } = limiterWith({ intervalMs: 1000, wait: true, queueSize: 2 })
    const settled: Array<[string, RateLimitDecision]> = []
    await limiter.acquire()
    const leaving = new AbortController()
    track(limiter.acquire(leaving.signal), 'leaving', settled)
    track(limiter.acquire(), 'staying', settled)
    expect(await limiter.acquire()).toMatchObject({ granted: false, reason: 'queue_full' })

    leaving.abort()
    await Promise.resolve()
    expect(settled).toEqual([['leaving', { granted: false, retryAfterMs: 0, reason: 'aborted' }]])
    expect(limiter.queued).toBe(1)
    track(limiter.acquire(), 'third', settled)
    expect(limiter.queued).toBe(2)

    await clock.advance(1000)
    expect(settled.map(([name, decision]) => [name, decision.granted])).toEqual([
      ['leaving', false],
      ['staying', true],
    ])
    await clock.advance(1000)
    expect(settled.at(-1)).toEqual(['third', { granted: true }])
  })

  test('the last waiter leaving cancels the timer; an already aborted signal never queues', async () => {
    const { clock, limiter } = limiterWith({ intervalMs: 1000, wait: true })
    await limiter.acquire()
    const controller = new AbortController()
    const pending = limiter.acquire(controller.signal)
    expect(clock.pendingTimers()).toBe(1)
    controller.abort()
    expect(await pending).toMatchObject({ granted: false, reason: 'aborted' })
    expect(clock.pendingTimers()).toBe(0)
    expect(await limiter.acquire(controller.signal)).toMatchObject({ granted: false, reason: 'aborted' })
    expect(limiter.queued).toBe(0)
  })
})
