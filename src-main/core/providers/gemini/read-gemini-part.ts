import type { GeminiResponsePart } from './gemini-api'

/** One response part as the adapters see it; `signature` is the part's `thoughtSignature`. */
export type GeminiPartReading =
  | { type: 'thought'; text: string; signature?: string }
  | { type: 'text'; text: string; signature?: string }
  | { type: 'function-call'; id?: string; name: string; args: Record<string, unknown>; signature?: string }
  /** Code execution, generated images, files: nothing the canonical answer can carry. */
  | { type: 'unsupported'; kind: string; signature?: string }

/** Reads a part by what it carries; a thought part is reasoning, never answer text. */
export function readGeminiPart(part: GeminiResponsePart): GeminiPartReading {
  const signed = part.thoughtSignature ? { signature: part.thoughtSignature } : {}
  if (part.functionCall) {
    const call = part.functionCall
    return { type: 'function-call', ...(call.id ? { id: call.id } : {}), name: call.name ?? '', args: call.args ?? {}, ...signed }
  }
  if (part.text != null) return { type: part.thought ? 'thought' : 'text', text: part.text, ...signed }
  const kind = Object.keys(part).find((key) => key !== 'thought' && key !== 'thoughtSignature' && part[key as keyof GeminiResponsePart] != null) ?? 'empty'
  return { type: 'unsupported', kind, ...signed }
}
