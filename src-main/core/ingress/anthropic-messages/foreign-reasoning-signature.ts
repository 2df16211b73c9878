import { z } from 'zod'
import type { CifReasoningPart } from '../../cif'

/**
 * Reasoning from a non-Anthropic upstream can carry opaque state the same upstream needs back on the next
 * turn (Responses `encrypted_content` and item id, Gemini thought signatures). An Anthropic client only
 * echoes `thinking.signature`, so the gateway packs that state into the signature: `omnillm.v1.` +
 * base64url(JSON). The parser unpacks it, so the reasoning part regains its real origin; an Anthropic
 * upstream never receives it (its adapter replays only Anthropic-origin signatures).
 */
const prefix = 'omnillm.v1.'

const foreignReasoningSchema = z.object({
  dialect: z.enum(['openai-responses', 'openai-chat', 'gemini']),
  instanceId: z.string().optional(),
  signature: z.string().optional(),
  encryptedContent: z.string().optional(),
  itemId: z.string().optional(),
})

export type ForeignReasoning = z.infer<typeof foreignReasoningSchema>

/** The fields of a reasoning part worth carrying, or undefined when there is nothing to carry. */
export function foreignReasoningOf(part: Pick<CifReasoningPart, 'origin' | 'signature' | 'encryptedContent' | 'itemId'>): ForeignReasoning | undefined {
  const dialect = part.origin?.dialect
  if (!dialect || dialect === 'anthropic') return undefined
  if (!part.signature && !part.encryptedContent && !part.itemId) return undefined
  const state: ForeignReasoning = { dialect }
  if (part.origin?.instanceId) state.instanceId = part.origin.instanceId
  if (part.signature) state.signature = part.signature
  if (part.encryptedContent) state.encryptedContent = part.encryptedContent
  if (part.itemId) state.itemId = part.itemId
  return state
}

export function encodeForeignReasoningSignature(state: ForeignReasoning): string {
  return prefix + Buffer.from(JSON.stringify(state), 'utf8').toString('base64url')
}

export function isForeignReasoningSignature(signature: string): boolean {
  return signature.startsWith(prefix)
}

/** The packed state, or undefined when the envelope is damaged. */
export function decodeForeignReasoningSignature(signature: string): ForeignReasoning | undefined {
  try {
    const parsed = foreignReasoningSchema.safeParse(JSON.parse(Buffer.from(signature.slice(prefix.length), 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
