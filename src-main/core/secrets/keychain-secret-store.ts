import { SECRET_SERVICE, type SecretStore } from './secret-store'

/**
 * The part of keytar the gateway uses. Every keytar call lives in this file, so moving to another
 * keychain binding (for example @napi-rs/keyring) touches only this file.
 */
export interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

/** The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux). */
export function createKeychainSecretStore(options: { service?: string; keytar: Keytar }): SecretStore {
  const { service = SECRET_SERVICE, keytar } = options
  return {
    kind: 'keychain',
    get: async (name) => (await keytar.getPassword(service, name)) ?? undefined,
    set: (name, value) => keytar.setPassword(service, name, value),
    delete: (name) => keytar.deletePassword(service, name),
  }
}

/** Resolves undefined when keytar (an optional dependency with a native part) is missing or fails to load. */
export async function loadKeytar(): Promise<Keytar | undefined> {
  try {
    const loaded = (await import('keytar')) as unknown as Partial<Keytar> & { default?: Partial<Keytar> }
    // keytar is CommonJS: its functions arrive on `default`.
    const keytar = loaded.default ?? loaded
    const complete =
      typeof keytar.getPassword === 'function' &&
      typeof keytar.setPassword === 'function' &&
      typeof keytar.deletePassword === 'function'
    return complete ? (keytar as Keytar) : undefined
  } catch {
    return undefined
  }
}
