import { describe, expect, test } from 'vitest'
import { createCachedSecretStore } from './cached-secret-store'
import { createMemorySecretStore } from './memory-secret-store'
import type { SecretStore } from './secret-store'

function counted(store: SecretStore) {
  let reads = 0
  return {
    reads: () => reads,
    store: { ...store, kind: store.kind, get: (name: string) => (reads++, store.get(name)), set: store.set.bind(store), delete: store.delete.bind(store) } satisfies SecretStore,
  }
}

describe('cached secret store', () => {
  test('reads within the TTL hit the cache; concurrent first reads share one; writes are seen at once', async () => {
    let time = 0
    const backing = createMemorySecretStore()
    await backing.set('provider:a:token', 'one')
    const { store, reads } = counted(backing)
    const cached = createCachedSecretStore(store, { ttlMs: 1000, now: () => time })
    expect(await Promise.all([cached.get('provider:a:token'), cached.get('provider:a:token')])).toEqual(['one', 'one'])
    expect(reads()).toBe(1)
    time = 999
    expect(await cached.get('provider:a:token')).toBe('one')
    expect(reads()).toBe(1)

    await cached.set('provider:a:token', 'two')
    expect(await cached.get('provider:a:token')).toBe('two')
    expect(await backing.get('provider:a:token')).toBe('two')
    expect(await cached.delete('provider:a:token')).toBe(true)
    expect(await cached.get('provider:a:token')).toBeUndefined()
    expect(reads()).toBe(1)
  })

  test('a change made behind its back (another process) is seen once the TTL is over', async () => {
    let time = 0
    const backing = createMemorySecretStore()
    const cached = createCachedSecretStore(backing, { ttlMs: 1000, now: () => time })
    expect(await cached.get('provider:a:token')).toBeUndefined()
    await backing.set('provider:a:token', 'from omnillm auth')
    expect(await cached.get('provider:a:token')).toBeUndefined()
    time = 1000
    expect(await cached.get('provider:a:token')).toBe('from omnillm auth')
  })
})
