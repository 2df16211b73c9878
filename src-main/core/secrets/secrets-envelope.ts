import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { StartupError } from '../errors/startup-error'

/**
 * The on-disk form of the encrypted secrets file: one JSON document holding the AES-256-GCM encryption
 * of `{ name: value }`. `keyId` (an HMAC of a fixed label under the key) tells a wrong key apart from a
 * damaged file without revealing anything about the key.
 */
interface SecretsEnvelope {
  format: typeof format
  version: typeof version
  keyId: string
  iv: string
  tag: string
  ciphertext: string
}

const format = 'omnillm-secrets'
const version = 1
const ivLength = 12
const tagLength = 16
const additionalData = Buffer.from(`${format}:${version}`)

export function encryptSecrets(secrets: ReadonlyMap<string, string>, key: Buffer): string {
  const iv = randomBytes(ivLength)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength })
  cipher.setAAD(additionalData)
  const plaintext = Buffer.from(JSON.stringify(Object.fromEntries(secrets)), 'utf8')
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  const envelope: SecretsEnvelope = {
    format,
    version,
    keyId: keyIdOf(key),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  }
  return `${JSON.stringify(envelope)}\n`
}

/** `file` and `keyFile` only name the paths in error messages. */
export function decryptSecrets(
  text: string,
  key: Buffer,
  paths: { file: string; keyFile: string },
): Map<string, string> {
  const { file, keyFile } = paths
  const damaged = (detail: string, cause?: unknown) =>
    new StartupError(`${file} is not an OmniLLM secrets file or is damaged (${detail}); it was left untouched`, { cause })

  let envelope: Partial<Record<keyof SecretsEnvelope, unknown>>
  try {
    envelope = JSON.parse(text) as typeof envelope
  } catch (error) {
    throw damaged('not JSON', error)
  }
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== format) throw damaged('unknown format')
  if (typeof envelope.version === 'number' && envelope.version > version) {
    throw new StartupError(
      `${file} was written by a newer OmniLLM (format version ${envelope.version}); it was left untouched`,
    )
  }
  const { keyId, iv, tag, ciphertext } = envelope
  if (envelope.version !== version || !isString(keyId) || !isString(iv) || !isString(tag) || !isString(ciphertext)) {
    throw damaged('missing fields')
  }
  if (keyId !== keyIdOf(key)) {
    throw new StartupError(`cannot decrypt ${file} with key ${keyFile}: the key file does not match`)
  }

  let plaintext: string
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: tagLength })
    decipher.setAAD(additionalData)
    decipher.setAuthTag(Buffer.from(tag, 'base64'))
    plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8')
  } catch (error) {
    throw new StartupError(
      `cannot decrypt ${file} with key ${keyFile}: the file is damaged or was tampered with; it was left untouched`,
      { cause: error },
    )
  }
  const secrets: unknown = JSON.parse(plaintext)
  if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets)) throw damaged('not a map')
  const entries = Object.entries(secrets)
  if (!entries.every(([, value]) => isString(value))) throw damaged('a value is not a string')
  return new Map(entries as Array<[string, string]>)
}

function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('omnillm-secrets key id').digest('hex').slice(0, 16)
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}
