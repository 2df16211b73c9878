import { randomBytes } from 'node:crypto'
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { StartupError } from '../errors/startup-error'
import { createEncryptedFileSecretStore } from './encrypted-file-secret-store'

let directory: string
let file: string
let keyFile: string
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omnillm-encrypted-secrets-'))
  file = join(directory, 'data', 'secrets.enc')
  keyFile = join(directory, 'config', 'secrets.key')
})
afterEach(() => {
  rmSync(directory, { recursive: true, force: true })
})

const posix = process.platform !== 'win32'
const plaintext = 'sk-live-0123456789abcdef'

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    expect(StartupError.isInstance(error), `expected a StartupError, got ${String(error)}`).toBe(true)
    return error as Error
  }
  throw new Error('expected a rejection')
}

async function storeWithOneSecret(): Promise<Buffer> {
  const store = await createEncryptedFileSecretStore({ file, keyFile })
  await store.set('provider:openai:apiKey', plaintext)
  return readFileSync(file)
}

describe('createEncryptedFileSecretStore', () => {
  test('values survive a re-open and never appear in clear on disk', async () => {
    const store = await createEncryptedFileSecretStore({ file, keyFile })
    expect(store.kind).toBe('encrypted-file')
    expect(await store.get('provider:openai:apiKey')).toBeUndefined()
    await store.set('provider:openai:apiKey', plaintext)
    await store.set('provider:anthropic:apiKey', 'sk-ant-xyz')
    expect(await store.delete('provider:anthropic:apiKey')).toBe(true)
    expect(await store.delete('provider:anthropic:apiKey')).toBe(false)

    const reopened = await createEncryptedFileSecretStore({ file, keyFile })
    expect(await reopened.get('provider:openai:apiKey')).toBe(plaintext)
    expect(await reopened.get('provider:anthropic:apiKey')).toBeUndefined()

    const onDisk = readFileSync(file)
    expect(onDisk.includes(plaintext)).toBe(false)
    expect(onDisk.includes(Buffer.from(plaintext).toString('base64'))).toBe(false)
    expect(onDisk.includes('provider:openai')).toBe(false)
    expect(readdirSync(join(directory, 'data'))).toEqual(['secrets.enc']) // no temporary files left
  })

  test.skipIf(!posix)('creates the key (32 bytes) and the secrets file with mode 0600 in 0700 directories', async () => {
    await storeWithOneSecret()
    expect(readFileSync(keyFile)).toHaveLength(32)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(join(directory, 'config')).mode & 0o777).toBe(0o700)
    expect(statSync(join(directory, 'data')).mode & 0o777).toBe(0o700)
  })

  test('each write uses a fresh IV', async () => {
    const store = await createEncryptedFileSecretStore({ file, keyFile })
    await store.set('name', 'same value')
    const first = JSON.parse(readFileSync(file, 'utf8')) as { iv: string; ciphertext: string }
    await store.set('name', 'same value')
    const second = JSON.parse(readFileSync(file, 'utf8')) as { iv: string; ciphertext: string }
    expect(second.iv).not.toBe(first.iv)
    expect(second.ciphertext).not.toBe(first.ciphertext)
  })

  test('another key file is refused with a clear error and the secrets file is left as it was', async () => {
    const before = await storeWithOneSecret()
    const otherKeyFile = join(directory, 'other', 'secrets.key')
    await createEncryptedFileSecretStore({ file: join(directory, 'other', 'secrets.enc'), keyFile: otherKeyFile })

    const error = await rejection(createEncryptedFileSecretStore({ file, keyFile: otherKeyFile }))
    expect(error.message).toBe(`cannot decrypt ${file} with key ${otherKeyFile}: the key file does not match`)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  test('a missing key file next to existing secrets is an error, not a new key', async () => {
    const before = await storeWithOneSecret()
    rmSync(keyFile)
    const error = await rejection(createEncryptedFileSecretStore({ file, keyFile }))
    expect(error.message).toContain(`key file ${keyFile} is missing but ${file} exists`)
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(() => statSync(keyFile)).toThrow() // no replacement key was made
  })

  test('tampered ciphertext fails authentication with a clear error', async () => {
    await storeWithOneSecret()
    const envelope = JSON.parse(readFileSync(file, 'utf8')) as { ciphertext: string }
    const bytes = Buffer.from(envelope.ciphertext, 'base64')
    bytes[0] = (bytes[0] ?? 0) ^ 0x01
    writeFileSync(file, JSON.stringify({ ...envelope, ciphertext: bytes.toString('base64') }))
    const tampered = readFileSync(file)

    const error = await rejection(createEncryptedFileSecretStore({ file, keyFile }))
    expect(error.message).toContain(`cannot decrypt ${file} with key ${keyFile}: the file is damaged or was tampered with`)
    expect(readFileSync(file).equals(tampered)).toBe(true)
  })

  test('a file that is not an encrypted secrets document is refused', async () => {
    await storeWithOneSecret()
    writeFileSync(file, 'garbage')
    const error = await rejection(createEncryptedFileSecretStore({ file, keyFile }))
    expect(error.message).toContain(`${file} is not an OmniLLM secrets file or is damaged`)
    expect(readFileSync(file, 'utf8')).toBe('garbage')
  })

  test('a key file of the wrong size is refused', async () => {
    await storeWithOneSecret()
    writeFileSync(keyFile, randomBytes(16))
    const error = await rejection(createEncryptedFileSecretStore({ file, keyFile }))
    expect(error.message).toBe(`key file ${keyFile} holds 16 bytes; a key file holds exactly 32 random bytes`)
  })

  test.skipIf(!posix)('a key file readable by the group or others is refused', async () => {
    await storeWithOneSecret()
    chmodSync(keyFile, 0o640)
    const error = await rejection(createEncryptedFileSecretStore({ file, keyFile }))
    expect(error.message).toContain(`key file ${keyFile} may be read by other users (mode 0640)`)
    chmodSync(keyFile, 0o604)
    expect((await rejection(createEncryptedFileSecretStore({ file, keyFile }))).message).toContain('mode 0604')
  })

  // Handing a file to another user takes root; the CI container runs as root.
  test.skipIf(!posix || process.getuid?.() !== 0)('a key file owned by another user is refused', async () => {
    await storeWithOneSecret()
    chownSync(keyFile, 4242, 4242)
    const error = await rejection(createEncryptedFileSecretStore({ file, keyFile }))
    expect(error.message).toContain(`key file ${keyFile} is owned by uid 4242, not by this user (uid 0)`)
  })

  test('concurrent sets and deletes all land', async () => {
    const store = await createEncryptedFileSecretStore({ file, keyFile })
    const names = Array.from({ length: 40 }, (_, index) => `secret-${index}`)
    await Promise.all(names.map((name) => store.set(name, `value of ${name}`)))
    await Promise.all([store.delete('secret-0'), store.set('secret-1', 'changed'), store.delete('secret-39')])

    const reopened = await createEncryptedFileSecretStore({ file, keyFile })
    const values = await Promise.all(names.map((name) => reopened.get(name)))
    expect(values).toEqual(
      names.map((name) => {
        if (name === 'secret-0' || name === 'secret-39') return undefined
        return name === 'secret-1' ? 'changed' : `value of ${name}`
      }),
    )
  })

  test('a failed write rejects that call only and leaves the store usable', async () => {
    const store = await createEncryptedFileSecretStore({ file, keyFile })
    await store.set('kept', 'yes')
    rmSync(join(directory, 'data'), { recursive: true })
    writeFileSync(join(directory, 'data'), 'a file where the directory was')

    await expect(store.set('lost', 'no')).rejects.toThrow()
    expect(await store.get('lost')).toBeUndefined()
    expect(await store.get('kept')).toBe('yes')

    rmSync(join(directory, 'data'))
    await store.set('after', 'works')
    const reopened = await createEncryptedFileSecretStore({ file, keyFile })
    expect(await reopened.get('kept')).toBe('yes')
    expect(await reopened.get('after')).toBe('works')
  })
})
