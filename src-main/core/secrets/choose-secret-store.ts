import { join } from 'node:path'
import { StartupError } from '../errors/startup-error'
import { createEncryptedFileSecretStore } from './encrypted-file-secret-store'
import { createKeychainSecretStore, type Keytar, loadKeytar } from './keychain-secret-store'
import { createMemorySecretStore } from './memory-secret-store'
import { probeSecretStore } from './probe-secret-store'
import type { SecretStore, SecretStoreKind } from './secret-store'

/** The slice of a pino logger this needs. */
export interface SecretStoreLogger {
  info(details: object, message: string): void
}

export interface ChooseSecretStoreOptions {
  /** Set by the user's configuration; when absent the choice is automatic. */
  preferred?: SecretStoreKind
  /** Holds the encrypted secrets file, `secrets.enc`. */
  dataDir: string
  /**
   * Holds the key file, `secrets.key`. Defaults to `dataDir`, but hosts should pass another directory
   * (the config directory), so that a copy of the data directory alone does not carry its key.
   */
  secretsDir?: string
  logger?: SecretStoreLogger
  /** How keytar is loaded; defaults to `loadKeytar`. */
  loadKeytar?: () => Promise<Keytar | undefined>
  /** How long the keychain gets to answer the probe; defaults to 2000 ms. */
  probeTimeoutMs?: number
}

/**
 * Picks where secrets live and logs one info line saying which store and why. Automatically: the OS
 * keychain when keytar loads and answers a probe in time, otherwise the encrypted file. A configured
 * `keychain` that does not work is a StartupError rather than a silent fallback.
 */
export async function chooseSecretStore(options: ChooseSecretStoreOptions): Promise<SecretStore> {
  const chosen = await choose(options)
  const details = { secretStore: chosen.store.kind, ...chosen.details, reason: chosen.reason }
  options.logger?.info(details, `secret store: ${chosen.store.kind}`)
  return chosen.store
}

interface Choice {
  store: SecretStore
  reason: string
  details: Record<string, string>
}

async function choose(options: ChooseSecretStoreOptions): Promise<Choice> {
  const { preferred } = options
  if (preferred === 'memory') {
    return { store: createMemorySecretStore(), reason: 'configured; secrets are lost when the gateway stops', details: {} }
  }
  if (preferred === 'encrypted-file') return encryptedFile(options, 'configured')

  const keychain = await tryKeychain(options)
  if (keychain.ok) {
    const reason = preferred === 'keychain' ? 'configured' : 'the OS keychain answered a probe'
    return { store: keychain.store, reason, details: {} }
  }
  if (preferred === 'keychain') {
    throw new StartupError(`the configured secret store "keychain" is not usable: ${keychain.reason}`)
  }
  return encryptedFile(options, `the OS keychain is not usable: ${keychain.reason}`)
}

async function tryKeychain(
  options: ChooseSecretStoreOptions,
): Promise<{ ok: true; store: SecretStore } | { ok: false; reason: string }> {
  const keytar = await (options.loadKeytar ?? loadKeytar)()
  if (keytar === undefined) return { ok: false, reason: 'keytar is not installed or failed to load' }
  const store = createKeychainSecretStore({ keytar })
  const probe = await probeSecretStore(store, options.probeTimeoutMs ?? 2000)
  return probe.ok ? { ok: true, store } : probe
}

async function encryptedFile(options: ChooseSecretStoreOptions, reason: string): Promise<Choice> {
  const file = join(options.dataDir, 'secrets.enc')
  const keyFile = join(options.secretsDir ?? options.dataDir, 'secrets.key')
  const store = await createEncryptedFileSecretStore({ file, keyFile })
  return { store, reason, details: { file, keyFile } }
}
