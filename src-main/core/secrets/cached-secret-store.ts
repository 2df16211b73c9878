import type { SecretStore } from './secret-store'

/**
 * Reads kept for `ttlMs`: OAuth providers look their token up on every request, and an OS keychain read
 * is a D-Bus/Keychain round trip. Writes and deletes go through at once and update the cache, so a sign-in
 * in this process is seen by the next request; one made by another process (`omnillm auth` while the
 * gateway runs) is seen within `ttlMs`.
 */
export function createCachedSecretStore(store: SecretStore, options: { ttlMs?: number; now?: () => number } = {}): SecretStore {
  const ttlMs = options.ttlMs ?? 5000
  const now = options.now ?? Date.now
  const cache = new Map<string, { value: string | undefined; readAt: number }>()
  const inflight = new Map<string, Promise<string | undefined>>()
  return {
    kind: store.kind,
    async get(name) {
      const cached = cache.get(name)
      if (cached && now() - cached.readAt < ttlMs) return cached.value
      let reading = inflight.get(name)
      if (!reading) {
        reading = store.get(name).then(
          (value) => {
            cache.set(name, { value, readAt: now() })
            inflight.delete(name)
            return value
          },
          (error: unknown) => {
            inflight.delete(name)
            throw error
          },
        )
        inflight.set(name, reading)
      }
      return reading
    },
    async set(name, value) {
      await store.set(name, value)
      cache.set(name, { value, readAt: now() })
    },
    async delete(name) {
      const deleted = await store.delete(name)
      cache.set(name, { value: undefined, readAt: now() })
      return deleted
    },
  }
}
