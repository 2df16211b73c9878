import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, test } from 'vitest'
import { createKeychainSecretStore, type Keytar, loadKeytar } from './keychain-secret-store'

const needsKeyring = !process.env.DBUS_SESSION_BUS_ADDRESS
const keyringNote = '(needs a D-Bus session with gnome-keyring; .ci/run provides one)'

describe('loadKeytar', () => {
  test('loads the installed keytar module', async () => {
    const keytar = await loadKeytar()
    expect(typeof keytar?.getPassword).toBe('function')
    expect(typeof keytar?.setPassword).toBe('function')
    expect(typeof keytar?.deletePassword).toBe('function')
  })
})

describe('createKeychainSecretStore', () => {
  // A service of its own, so the test never touches real OmniLLM entries.
  const service = `omnillm-test-${randomBytes(4).toString('hex')}`
  const first = 'provider:openai:apiKey'
  const second = 'provider:anthropic:apiKey'
  let keytar: Keytar | undefined

  afterEach(async () => {
    if (keytar === undefined) return
    for (const name of [first, second]) await keytar.deletePassword(service, name)
  })

  test.skipIf(needsKeyring)(`round-trips through the real keychain ${keyringNote}`, async () => {
    keytar = await loadKeytar()
    if (keytar === undefined) throw new Error('keytar did not load')
    const store = createKeychainSecretStore({ service, keytar })
    expect(store.kind).toBe('keychain')

    expect(await store.get(first)).toBeUndefined()
    await store.set(first, 'sk-first')
    await store.set(second, 'sk-second')
    await store.set(first, 'sk-replaced')
    expect(await store.get(first)).toBe('sk-replaced')
    expect(await keytar.getPassword(service, second)).toBe('sk-second') // really in the keychain

    expect(await store.delete(first)).toBe(true)
    expect(await store.delete(first)).toBe(false)
    expect(await store.get(first)).toBeUndefined()
    expect(await store.get(second)).toBe('sk-second')
  })
})
