import { describe, expect, test } from 'vitest'
import type { VirtualModelConfig } from '../config/gateway-config-schema'
import { seededRandom } from '../test-support/seeded-random'
import { createRoundRobinTurns } from './create-round-robin-turns'
import { selectCandidates, type SelectionSources } from './select-candidates'

const sources = (random: () => number = seededRandom(7)): SelectionSources => ({ random, nextTurn: createRoundRobinTurns() })
const virtual = (strategy: VirtualModelConfig['strategy'], upstreams: VirtualModelConfig['upstreams']): VirtualModelConfig => ({ id: 'v', strategy, upstreams })
const names = (picked: { provider: string }[]) => picked.map((upstream) => upstream.provider)

/** How often each provider came first over `draws` selections. */
function firstPickShares(model: VirtualModelConfig, draws: number, from: SelectionSources): Map<string, number> {
  const counts = new Map<string, number>()
  for (let draw = 0; draw < draws; draw++) {
    const first = selectCandidates(model, from)[0]!.provider
    counts.set(first, (counts.get(first) ?? 0) + 1)
  }
  return new Map([...counts].map(([provider, count]) => [provider, count / draws]))
}

describe('the first candidate', () => {
  test('priority: the lowest number, ties in listed order', () => {
    const model = virtual('priority', [
      { provider: 'c', model: 'm', priority: 2 },
      { provider: 'a', model: 'm', priority: 1 },
      { provider: 'b', model: 'm', priority: 1 },
    ])
    expect(names(selectCandidates(model, sources()))).toEqual(['a', 'b', 'c'])
  })

  test('round-robin: an exact cycle per virtual model, the others following in failover order', () => {
    const model = virtual('round-robin', [
      { provider: 'a', model: 'm' },
      { provider: 'b', model: 'm' },
      { provider: 'c', model: 'm' },
    ])
    const from = sources()
    const orders = Array.from({ length: 4 }, () => names(selectCandidates(model, from)))
    expect(orders).toEqual([
      ['a', 'b', 'c'],
      ['b', 'a', 'c'],
      ['c', 'a', 'b'],
      ['a', 'b', 'c'],
    ])
    // Another virtual model has its own turn.
    expect(names(selectCandidates({ ...model, id: 'other' }, from))[0]).toBe('a')
  })

  test('weighted 3:1 over 4,000 picks: 75% / 25% within ±3 percentage points', () => {
    const model = virtual('weighted', [
      { provider: 'heavy', model: 'm', weight: 3 },
      { provider: 'light', model: 'm' },
    ])
    const shares = firstPickShares(model, 4000, sources(seededRandom(42)))
    expect(Math.abs(shares.get('heavy')! - 0.75)).toBeLessThanOrEqual(0.03)
    expect(Math.abs(shares.get('light')! - 0.25)).toBeLessThanOrEqual(0.03)
  })

  test('random: roughly uniform over 4,000 picks (each of 4 within ±3 points of 25%)', () => {
    const model = virtual('random', ['a', 'b', 'c', 'd'].map((provider) => ({ provider, model: 'm' })))
    const shares = firstPickShares(model, 4000, sources(seededRandom(1)))
    expect([...shares.keys()].sort()).toEqual(['a', 'b', 'c', 'd'])
    for (const share of shares.values()) expect(Math.abs(share - 0.25)).toBeLessThanOrEqual(0.03)
  })

  test('edge draws stay in range', () => {
    const model = virtual('weighted', [
      { provider: 'a', model: 'm', weight: 1 },
      { provider: 'b', model: 'm', weight: 1 },
    ])
    expect(names(selectCandidates(model, sources(() => 0)))[0]).toBe('a')
    expect(names(selectCandidates(model, sources(() => 0.999999)))[0]).toBe('b')
    expect(names(selectCandidates(virtual('random', model.upstreams), sources(() => 0.999999)))[0]).toBe('b')
  })
})

test('failover candidates: every other upstream once, by priority then listed order (missing priority = 0)', () => {
  const model = virtual('weighted', [
    { provider: 'a', model: 'm', priority: 5 },
    { provider: 'b', model: 'm' },
    { provider: 'c', model: 'm', priority: -1 },
    { provider: 'd', model: 'm', weight: 100 },
  ])
  expect(names(selectCandidates(model, sources(() => 0.99)))).toEqual(['d', 'c', 'b', 'a'])
})
