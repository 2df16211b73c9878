import { randomBytes } from 'node:crypto'
import { lstat, mkdir, open, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { StartupError } from '../errors/startup-error'

export type ApiKeySource = 'flag' | 'env' | 'file' | 'generated'

export interface ResolvedApiKey {
  key: string
  source: ApiKeySource
  /** The key file that was read or written, when the key came from one. */
  file: string | undefined
}

/**
 * The inbound API key, in this order: `--api-key`, `OMNILLM_API_KEY`, the key file
 * (`~/.config/omnillm/api-key`), else a new key (32 random bytes, base64url) written to the key file with
 * mode 0600 in a 0700 directory. A blank value at any step counts as absent.
 */
export async function resolveApiKey(options: { flag?: string; env?: NodeJS.ProcessEnv; keyFile: string }): Promise<ResolvedApiKey> {
  const flag = options.flag?.trim()
  if (flag) return { key: flag, source: 'flag', file: undefined }
  const fromEnv = (options.env ?? process.env).OMNILLM_API_KEY?.trim()
  if (fromEnv) return { key: fromEnv, source: 'env', file: undefined }

  const existing = await readKeyFile(options.keyFile)
  if (existing) return { key: existing, source: 'file', file: options.keyFile }

  const key = generateApiKey()
  // A blank file (existing === '') is filled in; a missing one is created, never raced over.
  if (await writeKeyFile(options.keyFile, key, existing === '')) return { key, source: 'generated', file: options.keyFile }
  // Another process wrote the file between our read and our write: use its key.
  const written = await readKeyFile(options.keyFile)
  if (!written) throw new StartupError(`API key file ${options.keyFile} appeared while starting but is empty; try again`)
  return { key: written, source: 'file', file: options.keyFile }
}

export function generateApiKey(): string {
  return randomBytes(32).toString('base64url')
}

/** The trimmed key; '' for a blank file; undefined when there is no file. */
async function readKeyFile(file: string): Promise<string | undefined> {
  let stats
  try {
    stats = await lstat(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw new StartupError(`Cannot read API key file ${file}: ${(error as Error).message}`)
  }
  if (!stats.isFile()) throw new StartupError(`API key file ${file} is not a regular file`)
  if (process.platform !== 'win32') {
    const uid = process.getuid?.()
    if (uid !== undefined && stats.uid !== uid) {
      throw new StartupError(`API key file ${file} belongs to another user (uid ${stats.uid}); refusing to use it`)
    }
    if ((stats.mode & 0o077) !== 0) {
      throw new StartupError(`API key file ${file} can be read by other users (mode ${(stats.mode & 0o777).toString(8)}); run: chmod 600 ${file}`)
    }
  }
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch (error) {
    throw new StartupError(`Cannot read API key file ${file}: ${(error as Error).message}`)
  }
}

/** Resolves false when the file already exists (it is never replaced). */
async function writeKeyFile(file: string, key: string, replaceBlank: boolean): Promise<boolean> {
  const cannotWrite = (error: unknown) => new StartupError(`Cannot write API key file ${file}: ${(error as Error).message}`)
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  } catch (error) {
    throw cannotWrite(error)
  }
  let handle
  try {
    // 'wx': never replace a file that appeared meanwhile (another instance starting at the same moment).
    handle = await open(file, replaceBlank ? 'w' : 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw cannotWrite(error)
  }
  try {
    await handle.writeFile(`${key}\n`)
    await handle.chmod(0o600)
  } catch (error) {
    throw cannotWrite(error)
  } finally {
    await handle.close()
  }
  return true
}
