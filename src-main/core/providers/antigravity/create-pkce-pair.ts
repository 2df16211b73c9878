import { createHash, randomBytes } from 'node:crypto'

export interface PkcePair {
  /** RFC 7636 §4.1: 43–128 characters of [A-Za-z0-9-._~]; 32 random bytes in base64url are 43. */
  verifier: string
  /** BASE64URL(SHA256(verifier)), sent with `code_challenge_method=S256`. */
  challenge: string
}

export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}
