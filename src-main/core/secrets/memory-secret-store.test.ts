import { expect, test } from 'vitest'
import { createMemorySecretStore } from './memory-secret-store'

test('set, get and delete round-trip', async () => {
  const store = createMemorySecretStore()
  expect(store.kind).toBe('memory')
  expect(await store.get('provider:a:apiKey')).toBeUndefined()
  await store.set('provider:a:apiKey', 'sk-one')
  await store.set('provider:a:apiKey', 'sk-two')
  expect(await store.get('provider:a:apiKey')).toBe('sk-two')
  expect(await store.delete('provider:a:apiKey')).toBe(true)
  expect(await store.delete('provider:a:apiKey')).toBe(false)
  expect(await store.get('provider:a:apiKey')).toBeUndefined()
})
