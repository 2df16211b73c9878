import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { StartupError } from '../errors/startup-error'
import { chooseSecretStore, type SecretStoreLogger } from './choose-secret-store'
import { type Keytar, loadKeytar } from './keychain-secret-store'
import { probeSecretName } from './probe-secret-store'
import { SECRET_SERVICE } from './secret-store'

const hasSessionBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS)

let directory: string
let dataDir: string
let secretsDir: string
let lines: Array<{ details: Record<string, unknown>; message: string }>
let logger: SecretStoreLogger
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omnillm-choose-secrets-'))
  dataDir = join(directory, 'data')
  secretsDir = join(directory, 'config')
  lines = []
  logger = { info: (details, message) => lines.push({ details: details as Record<string, unknown>, message }) }
})
afterEach(() => {
  rmSync(directory, { recursive: true, force: true })
})

/** Stands in for keytar on a machine whose Secret Service never answers. */
const silentKeytar: Keytar = {
  getPassword: () => new Promise(() => {}),
  setPassword: () => new Promise(() => {}),
  deletePassword: () => new Promise(() => {}),
}

function refuseToLoad(): Promise<Keytar | undefined> {
  throw new Error('keytar must not be loaded for this choice')
}

describe('chooseSecretStore', () => {
  test.skipIf(hasSessionBus)('falls back to the encrypted file without a D-Bus session', async () => {
    const store = await chooseSecretStore({ dataDir, secretsDir, logger })
    expect(store.kind).toBe('encrypted-file')
    await store.set('provider:a:apiKey', 'sk-a')
    expect(existsSync(join(dataDir, 'secrets.enc'))).toBe(true)
    expect(existsSync(join(secretsDir, 'secrets.key'))).toBe(true)
    expect(lines).toHaveLength(1)
    expect(lines[0]?.message).toBe('secret store: encrypted-file')
    expect(lines[0]?.details).toMatchObject({
      secretStore: 'encrypted-file',
      file: join(dataDir, 'secrets.enc'),
      keyFile: join(secretsDir, 'secrets.key'),
    })
    expect(String(lines[0]?.details.reason)).toMatch(/^the OS keychain is not usable: /)
  })

  test.skipIf(!hasSessionBus)(
    'picks the keychain when a Secret Service answers (needs a D-Bus session with gnome-keyring; .ci/run provides one)',
    async () => {
      const store = await chooseSecretStore({ dataDir, logger })
      expect(store.kind).toBe('keychain')
      expect(lines).toEqual([
        { details: { secretStore: 'keychain', reason: 'the OS keychain answered a probe' }, message: 'secret store: keychain' },
      ])
      const keytar = await loadKeytar()
      expect(await keytar?.getPassword(SECRET_SERVICE, probeSecretName)).toBeNull() // the probe cleaned up
      expect(existsSync(dataDir)).toBe(false) // no file store was set up
    },
  )

  test('falls back to the encrypted file when keytar is missing', async () => {
    const store = await chooseSecretStore({ dataDir, logger, loadKeytar: async () => undefined })
    expect(store.kind).toBe('encrypted-file')
    expect(existsSync(join(dataDir, 'secrets.key'))).toBe(true) // the key defaults to dataDir
    expect(lines).toHaveLength(1)
    expect(lines[0]?.details.reason).toBe('the OS keychain is not usable: keytar is not installed or failed to load')
  })

  test('falls back to the encrypted file when the keychain never answers', async () => {
    const startedAt = Date.now()
    const store = await chooseSecretStore({ dataDir, logger, loadKeytar: async () => silentKeytar, probeTimeoutMs: 150 })
    expect(store.kind).toBe('encrypted-file')
    expect(Date.now() - startedAt).toBeLessThan(2000)
    expect(lines[0]?.details.reason).toBe('the OS keychain is not usable: no answer within 150 ms')
  })

  test('honours a configured memory or encrypted-file store without touching the keychain', async () => {
    const memory = await chooseSecretStore({ preferred: 'memory', dataDir, logger, loadKeytar: refuseToLoad })
    expect(memory.kind).toBe('memory')
    expect(existsSync(dataDir)).toBe(false)
    const file = await chooseSecretStore({ preferred: 'encrypted-file', dataDir, secretsDir, logger, loadKeytar: refuseToLoad })
    expect(file.kind).toBe('encrypted-file')
    expect(lines.map((line) => line.details.reason)).toEqual([
      'configured; secrets are lost when the gateway stops',
      'configured',
    ])
  })

  test('a configured keychain that does not work stops start-up', async () => {
    const choice = chooseSecretStore({ preferred: 'keychain', dataDir, logger, loadKeytar: async () => undefined })
    await expect(choice).rejects.toThrow(StartupError)
    await expect(choice).rejects.toThrow('the configured secret store "keychain" is not usable: keytar is not installed')
    expect(lines).toEqual([])
  })

  test('works without a logger', async () => {
    const store = await chooseSecretStore({ dataDir, loadKeytar: async () => undefined })
    expect(store.kind).toBe('encrypted-file')
  })
})
