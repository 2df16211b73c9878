import { describe, expect, test } from 'vitest'
import { loadClientCaptures } from '../test-support/load-client-captures'
import type { CatalogueEntry } from './model-catalogue'
import { claudeFamily, newestLooking, resolveModelAlias } from './resolve-model-alias'

const entries = (served: Record<string, string[]>): CatalogueEntry[] =>
  Object.entries(served).flatMap(([instanceId, ids]) => ids.map((id) => ({ instanceId, model: { id } })))

describe('claudeFamily', () => {
  test.each([
    ['claude-opus-4-8', 'opus'],
    ['claude-opus-4-8[1m]', 'opus'],
    ['claude-sonnet-5', 'sonnet'],
    ['claude-haiku-4-5-20251001', 'haiku'],
    ['claude-3-5-sonnet-20241022', 'sonnet'],
    ['opus', 'opus'],
    ['Sonnet', 'sonnet'],
    ['haiku', 'haiku'],
    ['my-local-model', undefined],
    ['claude-instant', undefined],
    ['gpt-5', undefined],
    ['anthropic/claude-sonnet-4.5', undefined],
  ])('%s → %s', (model, family) => {
    expect(claudeFamily(model)).toBe(family)
  })

  test("every Claude model name in the real Claude Code captures is recognised, and the custom ids are not", () => {
    const names = new Set(loadClientCaptures().filter((capture) => capture.name.startsWith('claude-code/')).map((capture) => String(capture.body.model)))
    expect([...names].filter((name) => name.startsWith('claude-')).map(claudeFamily).sort()).toEqual(['haiku', 'opus', 'sonnet'])
    expect([...names].filter((name) => !name.startsWith('claude-')).map(claudeFamily)).toEqual([...names].filter((name) => !name.startsWith('claude-')).map(() => undefined))
  })
})

test('newestLooking: higher version numbers, then the later date, the first on a tie', () => {
  expect(newestLooking(['claude-sonnet-4-5', 'claude-sonnet-4-6', 'claude-sonnet-4'])).toBe('claude-sonnet-4-6')
  expect(newestLooking(['claude-3-7-sonnet-20250219', 'claude-sonnet-4-20250514'])).toBe('claude-sonnet-4-20250514')
  expect(newestLooking(['claude-haiku-4-5-20250101', 'claude-haiku-4-5-20251001'])).toBe('claude-haiku-4-5-20251001')
  expect(newestLooking(['anthropic/claude-opus-4.1', 'anthropic/claude-opus-4'])).toBe('anthropic/claude-opus-4.1')
  expect(newestLooking(['x-sonnet', 'y-sonnet'])).toBe('x-sonnet')
  expect(newestLooking([])).toBeUndefined()
})

describe('resolveModelAlias (instance order: the active one first)', () => {
  const served = entries({
    active: ['qwen3-coder', 'gpt-5'],
    second: ['claude-haiku-4-5', 'claude-sonnet-4-5-20250929', 'claude-sonnet-4-6', 'anthropic/claude-opus-4.1'],
    third: ['claude-opus-4-8'],
  })
  const order = ['active', 'second', 'third']

  test.each([
    // The same model: a date, [1m], a vendor path or "." against "-" make no difference.
    ['claude-haiku-4-5-20251001', 'second', 'claude-haiku-4-5', 'same-model'],
    ['claude-sonnet-4-5[1m]', 'second', 'claude-sonnet-4-5-20250929', 'same-model'],
    ['claude-opus-4-1', 'second', 'anthropic/claude-opus-4.1', 'same-model'],
    ['claude-opus-4-8[1m]', 'third', 'claude-opus-4-8', 'same-model'],
    // The same family: the first instance in order serving one, its newest-looking id.
    ['claude-sonnet-5', 'second', 'claude-sonnet-4-6', 'same-family'],
    ['sonnet', 'second', 'claude-sonnet-4-6', 'same-family'],
    ['haiku', 'second', 'claude-haiku-4-5', 'same-family'],
    ['opus', 'second', 'anthropic/claude-opus-4.1', 'same-family'],
  ])('%s → %s:%s (%s)', (model, instanceId, upstream, rule) => {
    expect(resolveModelAlias(model, served, order)).toEqual({ instanceId, model: upstream, rule })
  })

  test('the active instance is preferred for a family even when another serves a newer id', () => {
    const withOldSonnet = entries({ active: ['gpt-5', 'claude-sonnet-4'], second: ['claude-sonnet-4-6'] })
    expect(resolveModelAlias('claude-sonnet-5', withOldSonnet, ['active', 'second'])).toEqual({ instanceId: 'active', model: 'claude-sonnet-4', rule: 'same-family' })
  })

  test("no instance serves the family: the active instance's first model", () => {
    expect(resolveModelAlias('claude-opus-4-8', entries({ active: ['qwen3-coder', 'gpt-5'], second: ['claude-haiku-4-5'] }), ['active', 'second'])).toEqual({
      instanceId: 'active',
      model: 'qwen3-coder',
      rule: 'active-first-model',
    })
    expect(resolveModelAlias('claude-opus-4-8', entries({ second: ['gpt-5'] }), ['active', 'second'])).toBeUndefined()
  })

  test('other names get no alias; a bare [1m] suffix is only stripped', () => {
    expect(resolveModelAlias('my-local-model', served, order)).toBeUndefined()
    expect(resolveModelAlias('gpt-5[1m]', served, order)).toEqual({ instanceId: 'active', model: 'gpt-5', rule: 'same-model' })
    expect(resolveModelAlias('unknown[1m]', served, order)).toBeUndefined()
  })
})
