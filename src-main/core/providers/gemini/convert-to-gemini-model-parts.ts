import type { CifAssistantPart, CifReasoningPart, CifToolCallPart, WarningCollector } from '../../cif'
import type { GeminiPart } from './gemini-request-body'

/**
 * An assistant turn → model parts, signatures back on the parts that carried them. Gemini reasoning
 * with text is replayed as a `thought: true` part (never as answer text); an empty Gemini reasoning part
 * with a signature hands its signature to the next part (a functionCall or text; at the end of the turn
 * an empty text part, as Gemini itself sends it). Reasoning of other dialects is dropped: Gemini only
 * accepts signatures it issued.
 */
export function convertToGeminiModelParts(parts: CifAssistantPart[], warnings: WarningCollector): GeminiPart[] {
  const converted: GeminiPart[] = []
  let pendingSignature: string | undefined
  const signed = () => {
    const signature = pendingSignature
    pendingSignature = undefined
    return signature ? { thoughtSignature: signature } : {}
  }
  for (const part of parts) {
    if (part.type === 'reasoning') {
      if (!isReplayable(part, warnings)) continue
      if (part.text === '') {
        if (pendingSignature) converted.push({ text: '', ...signed() })
        pendingSignature = part.signature
        continue
      }
      if (pendingSignature) converted.push({ text: '', ...signed() })
      converted.push({ text: part.text, thought: true, ...(part.signature ? { thoughtSignature: part.signature } : {}) })
    } else if (part.type === 'text') {
      if (part.text !== '' || pendingSignature) converted.push({ text: part.text, ...signed() })
    } else converted.push({ functionCall: { id: part.toolCallId, name: part.toolName, args: toolCallArguments(part, warnings) }, ...signed() })
  }
  if (pendingSignature) converted.push({ text: '', ...signed() })
  return converted
}

function isReplayable(part: CifReasoningPart, warnings: WarningCollector): boolean {
  const dialect = part.origin?.dialect
  if (dialect === 'gemini') return part.text !== '' || part.signature !== undefined
  warnings.once(`reasoning:${dialect ?? 'unknown'}`, {
    type: 'unsupported',
    feature: 'reasoning replay',
    details: `Reasoning produced by ${dialect ?? 'an unknown dialect'} was dropped: Gemini accepts only thoughts and signatures it produced itself.`,
  })
  return false
}

/** A custom tool's text travels as `{input}`; function arguments must be a JSON object. */
function toolCallArguments(part: CifToolCallPart, warnings: WarningCollector): Record<string, unknown> {
  if (part.kind === 'custom') return { input: part.input }
  if (part.input.trim() === '') return {}
  try {
    const parsed: unknown = JSON.parse(part.input)
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>
  } catch {
    // Falls through to the warning below.
  }
  warnings.add({ type: 'other', message: `The arguments of tool call ${part.toolCallId} (${part.toolName}) are not a JSON object; they were sent as {}.` })
  return {}
}
