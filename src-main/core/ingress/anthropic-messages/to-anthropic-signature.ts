import type { CifReasoningPart } from '../../cif'
import { encodeForeignReasoningSignature, foreignReasoningOf } from './foreign-reasoning-signature'

/**
 * The `signature` of a thinking block sent to the client. Reasoning from another dialect with opaque state
 * gets the gateway envelope (foreign-reasoning-signature.ts); Anthropic-origin reasoning (or reasoning of
 * unknown origin) keeps its signature. Anything else gets `''`: a thinking block always has a
 * string signature (the Anthropic SDK types and the AI SDK's schema require one), and the parser reads
 * `''` back as plain reasoning text, never as an Anthropic signature.
 */
export function toAnthropicSignature(part: Pick<CifReasoningPart, 'origin' | 'signature' | 'encryptedContent' | 'itemId'>): string {
  const foreign = foreignReasoningOf(part)
  if (foreign) return encodeForeignReasoningSignature(foreign)
  // A foreign origin without opaque state lands here too, with no signature: ''.
  return part.signature ?? ''
}
