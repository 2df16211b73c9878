import type { GeminiMockReplyPart, GeminiMockReplyPlan } from './gemini-mock-reply-plan'

type JsonObject = Record<string, unknown>

export interface GeminiMockAnswerIds {
  model: string
  responseId: string
}

/** A whole generateContent answer, as the API reference shows it. */
export function geminiMockResponse(plan: GeminiMockReplyPlan, ids: GeminiMockAnswerIds): JsonObject {
  return chunk(plan.parts, ids, plan.usageMetadata, plan.finishReason)
}

/**
 * The chunks of a streamed answer: thought and text parts cut into pieces on code-point boundaries,
 * function calls whole (Gemini does not stream arguments), cumulative usage on every chunk and the
 * finishReason on the last. MIDSTREAM_ERROR stops after the first text piece with an in-band error.
 */
export function geminiMockStreamChunks(plan: GeminiMockReplyPlan, ids: GeminiMockAnswerIds): JsonObject[] {
  const pieces = plan.parts.flatMap((part) => ('text' in part ? split(part.text, plan.slow ? 20 : 3).map((text, index, all) => piece(part, text, index === all.length - 1)) : [part]))
  const chunks: JsonObject[] = []
  let written = 0
  for (const [index, part] of pieces.entries()) {
    written += JSON.stringify(part).length
    const usage = { ...plan.usageMetadata, candidatesTokenCount: Math.max(1, Math.ceil(written / 4)) }
    const last = index === pieces.length - 1
    chunks.push(chunk([part], ids, last ? plan.usageMetadata : usage, last ? plan.finishReason : undefined))
    if (plan.midstreamError && 'text' in part && !part.thought) {
      chunks.push({ error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } })
      break
    }
  }
  return chunks
}

function chunk(parts: GeminiMockReplyPart[], ids: GeminiMockAnswerIds, usageMetadata: JsonObject, finishReason?: string): JsonObject {
  return {
    candidates: [{ content: { parts, role: 'model' }, ...(finishReason ? { finishReason } : {}), index: 0 }],
    usageMetadata,
    modelVersion: ids.model,
    responseId: ids.responseId,
  }
}

/** A piece of a text part; its signature travels on the last piece. */
function piece(part: Extract<GeminiMockReplyPart, { text: string }>, text: string, last: boolean): GeminiMockReplyPart {
  return { text, ...(part.thought ? { thought: true as const } : {}), ...(last && part.thoughtSignature ? { thoughtSignature: part.thoughtSignature } : {}) }
}

/** Splits text into about `parts` pieces on code-point boundaries (never inside a surrogate pair). */
function split(text: string, parts: number): string[] {
  const characters = [...text]
  const size = Math.max(1, Math.ceil(characters.length / parts))
  const pieces: string[] = []
  for (let start = 0; start < characters.length; start += size) pieces.push(characters.slice(start, start + size).join(''))
  return pieces.length > 0 ? pieces : ['']
}
