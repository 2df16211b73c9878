import { z } from 'zod'
import type { CifReasoningPart } from '../../cif'

/**
 * Responses clients (Codex, the AI SDK with store:false) hand reasoning back only through a reasoning item's
 * `encrypted_content`. OpenAI's own encrypted content passes through untouched; the opaque data of other
 * upstreams (an Anthropic thinking signature, redacted thinking) is wrapped in this envelope so it survives
 * the round trip and the upstream can be given back exactly what it produced.
 */
const envelopePrefix = 'omnillm.v1:'

const envelopeSchema = z.object({
  dialect: z.enum(['anthropic', 'openai-responses', 'openai-chat', 'gemini']),
  instanceId: z.string().optional(),
  signature: z.string().optional(),
  redactedData: z.string().optional(),
  encryptedContent: z.string().optional(),
})

export type ReasoningOpaqueData = Pick<CifReasoningPart, 'signature' | 'redactedData' | 'encryptedContent' | 'origin'>

/** The `encrypted_content` to show the client for a reasoning part, or undefined when it has nothing opaque. */
export function encryptedContentFor(part: ReasoningOpaqueData): string | undefined {
  const native = part.origin === undefined || part.origin.dialect === 'openai-responses'
  if (native && part.signature === undefined && part.redactedData === undefined) return part.encryptedContent
  if (part.signature === undefined && part.redactedData === undefined && part.encryptedContent === undefined) return undefined
  const envelope: z.infer<typeof envelopeSchema> = {
    dialect: part.origin?.dialect ?? 'openai-responses',
    ...(part.origin?.instanceId !== undefined ? { instanceId: part.origin.instanceId } : {}),
    ...(part.signature !== undefined ? { signature: part.signature } : {}),
    ...(part.redactedData !== undefined ? { redactedData: part.redactedData } : {}),
    ...(part.encryptedContent !== undefined ? { encryptedContent: part.encryptedContent } : {}),
  }
  return envelopePrefix + Buffer.from(JSON.stringify(envelope)).toString('base64url')
}

/** The reverse, for a reasoning item the client sent back. Anything that is not our envelope is OpenAI's. */
export function opaqueDataFromEncryptedContent(encryptedContent: string | null | undefined): ReasoningOpaqueData {
  if (!encryptedContent) return { origin: { dialect: 'openai-responses' } }
  const envelope = encryptedContent.startsWith(envelopePrefix) ? decodeEnvelope(encryptedContent.slice(envelopePrefix.length)) : undefined
  if (!envelope) return { encryptedContent, origin: { dialect: 'openai-responses' } }
  const { dialect, instanceId, ...opaque } = envelope
  return { ...opaque, origin: instanceId !== undefined ? { dialect, instanceId } : { dialect } }
}

function decodeEnvelope(encoded: string): z.infer<typeof envelopeSchema> | undefined {
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
