import type { SecretStore } from './secret-store'

/** Keeps secrets for the life of the process only (tests, or `--secret-store memory`). */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>()
  return {
    kind: 'memory',
    get: async (name) => secrets.get(name),
    set: async (name, value) => {
      secrets.set(name, value)
    },
    delete: async (name) => secrets.delete(name),
  }
}
