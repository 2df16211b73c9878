import type { SecretStore } from './secret-store'

/**
 * The store as it is, except that every value read or written is handed to `register` first (the
 * logger's scrubber), so an OAuth token a provider obtained can never reach a log line, whatever
 * field or message it ends up in.
 */
export function registerSecretsWithLogger(store: SecretStore, register: (value: string | undefined) => void): SecretStore {
  return {
    kind: store.kind,
    async get(name) {
      const value = await store.get(name)
      register(value)
      return value
    },
    async set(name, value) {
      register(value)
      await store.set(name, value)
    },
    delete: (name) => store.delete(name),
  }
}
