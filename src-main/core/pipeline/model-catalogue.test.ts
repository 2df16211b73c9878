import { pino } from 'pino'
import { expect, test } from 'vitest'
import type { Provider } from '../providers/provider-definition'
import { createModelCatalogue } from './model-catalogue'

test('a failed listing is retried only after retryMs, so a dead instance does not slow every request down', async () => {
  let calls = 0
  let clock = 0
  const failing = { id: 'dead', listModels: async () => (calls++, Promise.reject(new Error('refused'))) } as unknown as Provider
  const catalogue = createModelCatalogue({ providers: [failing], configuredModels: new Map(), logger: pino({ level: 'silent' }), retryMs: 1_000, now: () => clock })
  expect(await catalogue.modelsOf('dead')).toEqual([])
  expect(await catalogue.entries()).toEqual([])
  expect(calls).toBe(1)
  clock = 1_000
  await catalogue.modelsOf('dead')
  expect(calls).toBe(2)
  expect(await catalogue.modelsOf('not-enabled')).toEqual([])
})
