import { chmodSync, chownSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { useTempDirs } from '../test-support/temp-dir'
import { resolveApiKey } from './resolve-api-key'

const tempDir = useTempDirs()
const isRoot = process.getuid?.() === 0

describe('resolveApiKey: --api-key, then OMNILLM_API_KEY, then the key file, else generate', () => {
  test('the flag wins, then the environment', async () => {
    const keyFile = join(tempDir(), 'api-key')
    writeFileSync(keyFile, 'from-file\n', { mode: 0o600 })
    expect(await resolveApiKey({ flag: 'from-flag', env: { OMNILLM_API_KEY: 'from-env' }, keyFile })).toEqual({ key: 'from-flag', source: 'flag', file: undefined })
    expect(await resolveApiKey({ env: { OMNILLM_API_KEY: 'from-env' }, keyFile })).toEqual({ key: 'from-env', source: 'env', file: undefined })
    expect(await resolveApiKey({ env: { OMNILLM_API_KEY: '  ' }, keyFile })).toEqual({ key: 'from-file', source: 'file', file: keyFile })
  })

  test('generates a 32-byte base64url key into a 0600 file in a 0700 directory, then reuses it', async () => {
    const directory = join(tempDir(), 'config', 'omnillm')
    const keyFile = join(directory, 'api-key')
    const first = await resolveApiKey({ env: {}, keyFile })
    expect(first.source).toBe('generated')
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(first.key, 'base64url')).toHaveLength(32)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(statSync(directory).mode & 0o777).toBe(0o700)
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(first.key)

    const second = await resolveApiKey({ env: {}, keyFile })
    expect(second).toEqual({ key: first.key, source: 'file', file: keyFile })
  })

  test('two generated keys differ', async () => {
    const a = await resolveApiKey({ env: {}, keyFile: join(tempDir(), 'api-key') })
    const b = await resolveApiKey({ env: {}, keyFile: join(tempDir(), 'api-key') })
    expect(a.key).not.toBe(b.key)
  })

  test('a blank key file counts as absent and gets a generated key', async () => {
    const keyFile = join(tempDir(), 'api-key')
    writeFileSync(keyFile, '\n', { mode: 0o600 })
    const resolved = await resolveApiKey({ env: {}, keyFile })
    expect(resolved.source).toBe('generated')
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(resolved.key)
  })

  test('a key file readable by others is refused with the fix', async () => {
    const keyFile = join(tempDir(), 'api-key')
    writeFileSync(keyFile, 'k\n')
    chmodSync(keyFile, 0o644)
    await expect(resolveApiKey({ env: {}, keyFile })).rejects.toThrow(`API key file ${keyFile} can be read by other users (mode 644); run: chmod 600 ${keyFile}`)
  })

  test('a directory where the key file should be is a clear error', async () => {
    const keyFile = join(tempDir(), 'api-key')
    mkdirSync(keyFile)
    await expect(resolveApiKey({ env: {}, keyFile })).rejects.toThrow(`API key file ${keyFile} is not a regular file`)
  })

  test.skipIf(!isRoot)('a key file owned by another user is refused (needs root to chown)', async () => {
    const keyFile = join(tempDir(), 'api-key')
    writeFileSync(keyFile, 'k\n', { mode: 0o600 })
    chownSync(keyFile, 4242, 4242)
    await expect(resolveApiKey({ env: {}, keyFile })).rejects.toThrow(`API key file ${keyFile} belongs to another user (uid 4242); refusing to use it`)
  })

  test('an unwritable key directory is a clear error', async () => {
    const parent = tempDir()
    writeFileSync(join(parent, 'blocker'), '')
    const keyFile = join(parent, 'blocker', 'api-key')
    await expect(resolveApiKey({ env: {}, keyFile })).rejects.toThrow(`Cannot write API key file ${keyFile}`)
  })
})
