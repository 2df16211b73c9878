import type { CifAssistantPart, CifFinishReason, CifReasoningOrigin, CifResult, CifWarning } from '../../cif'
import type { GeminiResponse } from './gemini-api'
import { mapGeminiFinishReason } from './map-gemini-finish-reason'
import { readGeminiPart, type GeminiPartReading } from './read-gemini-part'
import { toCifToolCall } from './to-cif-tool-call'
import { usageFromGeminiMetadata } from './usage-from-gemini-metadata'

export interface ConvertGeminiResponseOptions {
  instanceId: string
  customToolNames: ReadonlySet<string>
  /** The request conversion's warnings, carried into the result. */
  warnings: CifWarning[]
}

/**
 * A non-streaming generateContent answer → CifResult. Thought parts become reasoning. A signature on
 * any other part becomes an empty reasoning part right before it (the replay puts it back on that part).
 */
export function convertGeminiResponse(response: GeminiResponse, options: ConvertGeminiResponseOptions): CifResult {
  const warnings = [...options.warnings]
  const origin: CifReasoningOrigin = { dialect: 'gemini', instanceId: options.instanceId }
  const candidate = response.candidates?.[0]
  const content = (candidate?.content?.parts ?? []).flatMap((part) => toCifParts(readGeminiPart(part), origin, options.customToolNames, warnings))
  return {
    ...(response.responseId ? { id: response.responseId } : {}),
    ...(response.modelVersion ? { model: response.modelVersion } : {}),
    content,
    finishReason: finishReasonOf(response, content),
    usage: usageFromGeminiMetadata(response.usageMetadata),
    warnings,
  }
}

function toCifParts(reading: GeminiPartReading, origin: CifReasoningOrigin, customToolNames: ReadonlySet<string>, warnings: CifWarning[]): CifAssistantPart[] {
  if (reading.type === 'thought') return [{ type: 'reasoning', text: reading.text, ...(reading.signature ? { signature: reading.signature } : {}), origin }]
  const signature: CifAssistantPart[] = reading.signature ? [{ type: 'reasoning', text: '', signature: reading.signature, origin }] : []
  if (reading.type === 'text') return reading.text === '' ? signature : [...signature, { type: 'text', text: reading.text }]
  if (reading.type === 'function-call') return [...signature, toCifToolCall(reading, customToolNames)]
  warnings.push({ type: 'unsupported', feature: `${reading.kind} part`, details: `The canonical format has no ${reading.kind} content; the part was left out of the answer.` })
  return signature
}

function finishReasonOf(response: GeminiResponse, content: CifAssistantPart[]): CifFinishReason {
  const candidate = response.candidates?.[0]
  const blockReason = response.promptFeedback?.blockReason
  // A blocked prompt gets no candidate at all, only promptFeedback.blockReason.
  if (!candidate && blockReason) return { unified: 'content-filter', raw: blockReason }
  return mapGeminiFinishReason(candidate?.finishReason, content.some((part) => part.type === 'tool-call'))
}
