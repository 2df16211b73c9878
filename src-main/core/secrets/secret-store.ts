/**
 * Where provider credentials live. SQLite never holds a secret in clear: rows refer to secrets by name
 * (for example `provider:<instance-id>:apiKey`) and the value lives here.
 */
export type SecretStoreKind = 'keychain' | 'encrypted-file' | 'memory'

export interface SecretStore {
  readonly kind: SecretStoreKind
  get(name: string): Promise<string | undefined>
  set(name: string, value: string): Promise<void>
  /** Resolves true when something was deleted. */
  delete(name: string): Promise<boolean>
}

/** The service name under which the keychain keeps OmniLLM's entries. */
export const SECRET_SERVICE = 'omnillm'
