import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Thinking signatures the mock issues and verifies: an HMAC of the thinking text under a fixed key, so
 * every mock instance accepts another's (as real signatures work across Anthropic platforms) and any
 * edit of the text or the signature is caught.
 */
const signingKey = 'omnillm-anthropic-mock-thinking-key'

export function signMockThinking(thinking: string): string {
  return `EqMock${createHmac('sha256', signingKey).update(thinking).digest('base64')}`
}

export function verifyMockThinkingSignature(thinking: string, signature: string): boolean {
  const expected = Buffer.from(signMockThinking(thinking))
  const actual = Buffer.from(signature)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
