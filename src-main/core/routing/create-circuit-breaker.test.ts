import { pino } from 'pino'
import { describe, expect, test } from 'vitest'
import { UpstreamError } from '../errors/upstream-error'
import { createCircuitBreaker } from './create-circuit-breaker'

/** A breaker on a fake clock, with its log lines kept. */
function breakerOnFakeClock() {
  const clock = { now: 1_000_000 }
  const logLines: Array<{ instanceId: string; state: string; reason: string }> = []
  const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(JSON.parse(line)) })
  const breaker = createCircuitBreaker({ logger, now: () => clock.now })
  return { breaker, clock, logLines }
}

const refused = () => new UpstreamError({ instanceId: 'a', status: 502, connectionError: true, message: 'Cannot reach the upstream (ECONNREFUSED)' })
const overloaded = () => new UpstreamError({ instanceId: 'a', status: 503, message: 'overloaded' })
const badRequest = () => new UpstreamError({ instanceId: 'a', status: 400, message: 'bad request' })

describe('createCircuitBreaker', () => {
  test('opens after 3 consecutive retryable failures, and logs the change', () => {
    const { breaker, logLines } = breakerOnFakeClock()
    breaker.recordFailure('a', refused())
    breaker.recordFailure('a', overloaded())
    expect(breaker.state('a')).toBe('closed')
    expect(breaker.isAvailable('a')).toBe(true)
    breaker.recordFailure('a', refused())
    expect(breaker.state('a')).toBe('open')
    expect(breaker.isAvailable('a')).toBe(false)
    expect(breaker.isAvailable('b')).toBe(true)
    expect(logLines).toHaveLength(1)
    expect(logLines[0]).toMatchObject({ instanceId: 'a', state: 'open' })
    expect(logLines[0]!.reason).toContain('3 consecutive retryable failures')
  })

  test('a success in between starts the count again', () => {
    const { breaker } = breakerOnFakeClock()
    breaker.recordFailure('a', refused())
    breaker.recordFailure('a', refused())
    breaker.recordSuccess('a')
    breaker.recordFailure('a', refused())
    breaker.recordFailure('a', refused())
    expect(breaker.state('a')).toBe('closed')
  })

  test('non-retryable errors (400, 401, not an UpstreamError) do not count', () => {
    const { breaker } = breakerOnFakeClock()
    for (let failure = 0; failure < 5; failure++) breaker.recordFailure('a', badRequest())
    breaker.recordFailure('a', new UpstreamError({ instanceId: 'a', status: 401, message: 'no key' }))
    breaker.recordFailure('a', new Error('a bug'))
    expect(breaker.state('a')).toBe('closed')
    expect(breaker.isAvailable('a')).toBe(true)
  })

  test('stays unavailable for the cooling period, then lets exactly one probe through', () => {
    const { breaker, clock, logLines } = breakerOnFakeClock()
    for (let failure = 0; failure < 3; failure++) breaker.recordFailure('a', refused())
    clock.now += 29_999
    expect(breaker.isAvailable('a')).toBe(false)
    breaker.beginAttempt('a') // tried as a last resort while open: no probe yet
    expect(breaker.state('a')).toBe('open')
    clock.now += 1
    expect(breaker.isAvailable('a')).toBe(true)
    breaker.beginAttempt('a')
    expect(breaker.state('a')).toBe('half-open')
    expect(breaker.isAvailable('a')).toBe(false) // the probe is under way: nobody else
    expect(logLines.at(-1)).toMatchObject({ instanceId: 'a', state: 'half-open' })
  })

  test("the probe's success closes the circuit", () => {
    const { breaker, clock, logLines } = breakerOnFakeClock()
    for (let failure = 0; failure < 3; failure++) breaker.recordFailure('a', refused())
    clock.now += 30_000
    breaker.beginAttempt('a')
    breaker.recordSuccess('a')
    expect(breaker.state('a')).toBe('closed')
    expect(breaker.isAvailable('a')).toBe(true)
    expect(logLines.at(-1)).toMatchObject({ instanceId: 'a', state: 'closed', reason: 'a request succeeded' })
    // Closed for real: the count starts from zero.
    breaker.recordFailure('a', refused())
    expect(breaker.state('a')).toBe('closed')
  })

  test("the probe's failure opens it again for another cooling period", () => {
    const { breaker, clock } = breakerOnFakeClock()
    for (let failure = 0; failure < 3; failure++) breaker.recordFailure('a', refused())
    clock.now += 30_000
    breaker.beginAttempt('a')
    breaker.recordFailure('a', overloaded())
    expect(breaker.state('a')).toBe('open')
    expect(breaker.isAvailable('a')).toBe(false)
    clock.now += 29_999
    expect(breaker.isAvailable('a')).toBe(false)
    clock.now += 1
    expect(breaker.isAvailable('a')).toBe(true)
  })

  test('a probe answered with a non-retryable error gives no verdict: the next request probes again', () => {
    const { breaker, clock } = breakerOnFakeClock()
    for (let failure = 0; failure < 3; failure++) breaker.recordFailure('a', refused())
    clock.now += 30_000
    breaker.beginAttempt('a')
    breaker.recordFailure('a', badRequest())
    expect(breaker.state('a')).toBe('open')
    expect(breaker.isAvailable('a')).toBe(true)
  })

  test('an open instance tried anyway (every other candidate failed) cools from its latest failure, with no new log line', () => {
    const { breaker, clock, logLines } = breakerOnFakeClock()
    for (let failure = 0; failure < 3; failure++) breaker.recordFailure('a', refused())
    clock.now += 20_000
    breaker.beginAttempt('a')
    breaker.recordFailure('a', refused())
    clock.now += 20_000
    expect(breaker.isAvailable('a')).toBe(false)
    expect(logLines).toHaveLength(1)
    clock.now += 10_000
    expect(breaker.isAvailable('a')).toBe(true)
  })

  test('threshold and cooling period are options', () => {
    const clock = { now: 0 }
    const breaker = createCircuitBreaker({ logger: pino({ level: 'silent' }), failureThreshold: 1, coolingMs: 10, now: () => clock.now })
    breaker.recordFailure('a', refused())
    expect(breaker.isAvailable('a')).toBe(false)
    clock.now = 10
    expect(breaker.isAvailable('a')).toBe(true)
  })
})
