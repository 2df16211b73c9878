import { pino } from 'pino'
import { describe, expect, test } from 'vitest'
import { UpstreamError } from '../errors/upstream-error'
import { createCircuitBreaker } from './create-circuit-breaker'
import { createSessionAffinity } from './create-session-affinity'

const candidates = ['a', 'b', 'c'].map((id) => ({ provider: { id } }))
const ids = (ordered: Array<{ provider: { id: string } }>) => ordered.map((candidate) => candidate.provider.id)

describe('createSessionAffinity', () => {
  test('moves the remembered instance to the front, the others keep their order', () => {
    const affinity = createSessionAffinity()
    expect(ids(affinity.order(candidates, 's1'))).toEqual(['a', 'b', 'c'])
    affinity.remember('s1', 'c')
    expect(ids(affinity.order(candidates, 's1'))).toEqual(['c', 'a', 'b'])
    expect(ids(affinity.order(candidates, 's2'))).toEqual(['a', 'b', 'c'])
    affinity.remember('s1', 'b')
    expect(ids(affinity.order(candidates, 's1'))).toEqual(['b', 'a', 'c'])
  })

  test('leaves the order alone when the remembered instance is not a candidate', () => {
    const affinity = createSessionAffinity()
    affinity.remember('s1', 'gone')
    expect(ids(affinity.order(candidates, 's1'))).toEqual(['a', 'b', 'c'])
  })

  test('forgets a session ttlMs after it was last remembered', () => {
    const clock = { now: 1_000 }
    const affinity = createSessionAffinity({ ttlMs: 100, now: () => clock.now })
    affinity.remember('s1', 'b')
    clock.now += 99
    expect(ids(affinity.order(candidates, 's1'))).toEqual(['b', 'a', 'c'])
    affinity.remember('s1', 'b')
    clock.now += 99
    expect(ids(affinity.order(candidates, 's1'))).toEqual(['b', 'a', 'c'])
    clock.now += 1
    expect(ids(affinity.order(candidates, 's1'))).toEqual(['a', 'b', 'c'])
  })

  test('keeps at most maxEntries sessions, forgetting the least recently used', () => {
    const affinity = createSessionAffinity({ maxEntries: 2 })
    affinity.remember('s1', 'b')
    affinity.remember('s2', 'b')
    affinity.order(candidates, 's1') // s1 is now the most recently used
    affinity.remember('s3', 'c')
    expect(ids(affinity.order(candidates, 's1'))).toEqual(['b', 'a', 'c'])
    expect(ids(affinity.order(candidates, 's2'))).toEqual(['a', 'b', 'c'])
    expect(ids(affinity.order(candidates, 's3'))).toEqual(['c', 'a', 'b'])
  })

  test('skips a remembered instance the breaker says is unavailable', () => {
    const breaker = createCircuitBreaker({ logger: pino({ level: 'silent' }) })
    const affinity = createSessionAffinity({ breaker })
    affinity.remember('s1', 'c')
    for (let failure = 0; failure < 3; failure++) breaker.recordFailure('c', new UpstreamError({ instanceId: 'c', status: 503, message: 'overloaded' }))
    expect(breaker.isAvailable('c')).toBe(false)
    expect(ids(affinity.order(candidates, 's1'))).toEqual(['a', 'b', 'c'])
  })
})
