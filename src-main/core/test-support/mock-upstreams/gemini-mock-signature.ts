import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Thought signatures the mock issues and verifies: an HMAC of what the signed part carries (the thought
 * text, or the call's name and arguments) under a fixed key, base64 as the API's bytes field. A
 * signature moved to another part, or a part edited after signing, fails ("Corrupted thought signature.").
 */
const signingKey = 'omnillm-gemini-mock-thought-key'

/** Google's documented value for replaying a function call whose signature is not available. */
export const geminiMockSkipSignature = 'skip_thought_signature_validator'

export type GeminiMockSignedPart = { thought: string } | { call: { name: string; args: unknown } }

export function signGeminiMockPart(part: GeminiMockSignedPart): string {
  const subject = 'thought' in part ? `thought:${part.thought}` : `call:${part.call.name}:${canonicalJson(part.call.args ?? {})}`
  return createHmac('sha256', signingKey).update(subject).digest('base64')
}

export function verifyGeminiMockSignature(part: GeminiMockSignedPart, signature: string): boolean {
  if (signature === geminiMockSkipSignature) return true
  const expected = Buffer.from(signGeminiMockPart(part))
  const actual = Buffer.from(signature)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/** JSON with object keys sorted, so a client that reorders arguments does not break the signature. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}
