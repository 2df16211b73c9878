import { readFile } from 'node:fs/promises'
import { StartupError } from '../errors/startup-error'
import { createKeyFile, readKeyFile } from './key-file'
import type { SecretStore } from './secret-store'
import { decryptSecrets, encryptSecrets } from './secrets-envelope'
import { writeFileAtomically } from './write-file-atomically'

export interface EncryptedFileSecretStoreOptions {
  /** The encrypted secrets, for example `<dataDir>/secrets.enc`. */
  file: string
  /** 32 random bytes, created when missing. Keep it apart from `file` (another directory, another backup). */
  keyFile: string
}

/**
 * Secrets in one AES-256-GCM encrypted JSON document, for machines without a usable keychain. The file is
 * read and checked once, here, so a wrong key or a damaged file stops start-up instead of looking empty;
 * every change rewrites the whole file atomically, one change at a time.
 */
export async function createEncryptedFileSecretStore(options: EncryptedFileSecretStoreOptions): Promise<SecretStore> {
  const { file, keyFile } = options
  const existing = await readExisting(file)
  let key = await readKeyFile(keyFile)
  if (key === undefined) {
    if (existing !== undefined) {
      throw new StartupError(
        `key file ${keyFile} is missing but ${file} exists: restore the key file, or move ${file} away to start ` +
          `without secrets; ${file} was left untouched`,
      )
    }
    key = await createKeyFile(keyFile)
  }
  const fileKey = key
  let secrets = existing === undefined ? new Map<string, string>() : decryptSecrets(existing, fileKey, options)

  // Every operation waits for the one before it, so concurrent writes never interleave or lose each other.
  let queue: Promise<unknown> = Promise.resolve()
  function serialized<Result>(operation: () => Promise<Result>): Promise<Result> {
    const result = queue.then(operation)
    queue = result.catch(() => undefined)
    return result
  }

  async function replaceWith(next: Map<string, string>): Promise<void> {
    await writeFileAtomically(file, encryptSecrets(next, fileKey), 0o600)
    secrets = next
  }

  return {
    kind: 'encrypted-file',
    get: (name) => serialized(async () => secrets.get(name)),
    set: (name, value) =>
      serialized(async () => {
        await replaceWith(new Map(secrets).set(name, value))
      }),
    delete: (name) =>
      serialized(async () => {
        if (!secrets.has(name)) return false
        const next = new Map(secrets)
        next.delete(name)
        await replaceWith(next)
        return true
      }),
  }
}

async function readExisting(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new StartupError(`cannot read secrets file ${file}: ${(error as Error).message}`, { cause: error })
  }
}
