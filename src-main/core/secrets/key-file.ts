import { randomBytes } from 'node:crypto'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { StartupError } from '../errors/startup-error'

/** Bytes in an AES-256 key. */
export const keyLength = 32

/**
 * Reads the key file, or resolves undefined when there is none. Refuses a key file of the wrong size
 * and, on POSIX, one that the group or others may read, or that another user owns.
 */
export async function readKeyFile(keyFile: string): Promise<Buffer | undefined> {
  let stats
  try {
    stats = await stat(keyFile)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new StartupError(`cannot read key file ${keyFile}: ${(error as Error).message}`, { cause: error })
  }
  if (!stats.isFile()) throw new StartupError(`key file ${keyFile} is not a regular file`)
  if (process.platform !== 'win32') {
    const uid = process.getuid?.()
    if (uid !== undefined && stats.uid !== uid) {
      throw new StartupError(`key file ${keyFile} is owned by uid ${stats.uid}, not by this user (uid ${uid})`)
    }
    if ((stats.mode & 0o077) !== 0) {
      const mode = (stats.mode & 0o777).toString(8).padStart(4, '0')
      throw new StartupError(`key file ${keyFile} may be read by other users (mode ${mode}); run: chmod 600 ${keyFile}`)
    }
  }
  const key = await readFile(keyFile)
  if (key.length !== keyLength) {
    throw new StartupError(
      `key file ${keyFile} holds ${key.length} bytes; a key file holds exactly ${keyLength} random bytes`,
    )
  }
  return key
}

/** Writes a new random key (mode 0600, its directory 0700 when created). Never replaces an existing file. */
export async function createKeyFile(keyFile: string): Promise<Buffer> {
  await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 })
  const key = randomBytes(keyLength)
  try {
    await writeFile(keyFile, key, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const existing = await readKeyFile(keyFile)
      if (existing !== undefined) return existing
    }
    throw new StartupError(`cannot create key file ${keyFile}: ${(error as Error).message}`, { cause: error })
  }
  return key
}
