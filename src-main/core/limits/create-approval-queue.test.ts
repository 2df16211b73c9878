import { describe, expect, test } from 'vitest'
import { createApprovalQueue, type ApprovalEvent, type ApprovalRequest } from './create-approval-queue'

/** A queue on a hand-driven clock: timers fire only when the test advances time. */
function queueOnClock(timeoutMs = 1000) {
  let time = 0
  const timers: Array<{ at: number; callback: () => void; cancelled: boolean }> = []
  const queue = createApprovalQueue({
    timeoutMs,
    now: () => time,
    setTimer: (callback, delayMs) => {
      const timer = { at: time + delayMs, callback, cancelled: false }
      timers.push(timer)
      return () => (timer.cancelled = true)
    },
  })
  const advance = (ms: number) => {
    time += ms
    for (const timer of timers) {
      if (!timer.cancelled && timer.at <= time) {
        timer.cancelled = true
        timer.callback()
      }
    }
  }
  return { queue, advance, liveTimers: () => timers.filter((timer) => !timer.cancelled).length }
}

const fromCurl: ApprovalRequest = { clientIp: '127.0.0.1', userAgent: 'curl/8.5', method: 'POST', path: '/v1/chat/completions', model: 'gpt-4o', estimatedTokens: 12 }
const fromClaude: ApprovalRequest = { ...fromCurl, userAgent: 'claude-cli/2.0.14', path: '/v1/messages', model: 'sonnet' }

describe('approval queue', () => {
  test('a request waits until approved; the list shows it with its expiry, then forgets it', async () => {
    const { queue, liveTimers } = queueOnClock(5000)
    const events: ApprovalEvent[] = []
    queue.subscribe((event) => events.push(event))
    const outcome = queue.wait(fromCurl, new AbortController().signal)
    const [pending] = queue.pending()
    expect(pending).toEqual({ ...fromCurl, id: expect.stringMatching(/^[0-9a-f]{12}$/), receivedAt: '1970-01-01T00:00:00.000Z', expiresAt: '1970-01-01T00:00:05.000Z' })
    expect(queue.decide(pending!.id, { decision: 'approve' })).toBe(true)
    expect(await outcome).toBe('approved')
    expect(queue.pending()).toEqual([])
    expect(liveTimers()).toBe(0)
    expect(events).toEqual([
      { type: 'pending', request: pending },
      { type: 'settled', id: pending!.id, outcome: 'approved' },
    ])
    expect(queue.decide(pending!.id, { decision: 'approve' })).toBe(false)
  })

  test('deny, timeout and a client that leaves each end the wait and leave no timer behind', async () => {
    const { queue, advance, liveTimers } = queueOnClock(1000)
    const denied = queue.wait(fromCurl, new AbortController().signal)
    queue.decide(queue.pending()[0]!.id, { decision: 'deny' })
    expect(await denied).toBe('denied')

    const late = queue.wait(fromCurl, new AbortController().signal)
    advance(999)
    expect(queue.pending()).toHaveLength(1)
    advance(1)
    expect(await late).toBe('timed-out')

    const client = new AbortController()
    const gone = queue.wait(fromCurl, client.signal)
    client.abort()
    expect(await gone).toBe('cancelled')
    expect(queue.pending()).toEqual([])
    expect(liveTimers()).toBe(0)

    const aborted = new AbortController()
    aborted.abort()
    expect(await queue.wait(fromCurl, aborted.signal)).toBe('cancelled')
    expect(queue.pending()).toEqual([])
  })

  test('always-allow lets that client through for N minutes, its other waiting requests too, and no one else', async () => {
    const { queue, advance } = queueOnClock(60 * 60_000)
    const first = queue.wait(fromCurl, new AbortController().signal)
    const second = queue.wait(fromCurl, new AbortController().signal)
    const other = queue.wait(fromClaude, new AbortController().signal)
    queue.decide(queue.pending()[0]!.id, { decision: 'always-allow', minutes: 10 })
    expect(await first).toBe('approved')
    expect(await second).toBe('allowed-client')
    expect(queue.pending().map((request) => request.userAgent)).toEqual(['claude-cli/2.0.14'])

    expect(await queue.wait(fromCurl, new AbortController().signal)).toBe('allowed-client')
    const otherMachine = queue.wait({ ...fromCurl, clientIp: '10.0.0.2' }, new AbortController().signal)
    expect(queue.pending().map((request) => request.clientIp + ' ' + request.userAgent)).toEqual(['127.0.0.1 claude-cli/2.0.14', '10.0.0.2 curl/8.5'])

    advance(10 * 60_000)
    const afterExpiry = queue.wait(fromCurl, new AbortController().signal)
    expect(queue.pending()).toHaveLength(3)
    for (const request of queue.pending()) queue.decide(request.id, { decision: 'deny' })
    expect(await afterExpiry).toBe('denied')
    expect(await otherMachine).toBe('denied')
    expect(await other).toBe('denied')
  })
})
