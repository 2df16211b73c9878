import type { CifResult } from './result'
import type { CifStreamPart } from './stream-part'

/**
 * A whole answer as canonical stream parts: stream-start, response-metadata, one block per content part,
 * finish. For upstreams that do not stream, and for the non-streaming fallback.
 */
export function resultToStreamParts(result: CifResult): CifStreamPart[] {
  const parts: CifStreamPart[] = [{ type: 'stream-start', warnings: result.warnings }]
  if (result.id || result.model) parts.push({ type: 'response-metadata', ...(result.id ? { id: result.id } : {}), ...(result.model ? { model: result.model } : {}) })
  result.content.forEach((part, index) => {
    if (part.type === 'text') {
      const id = `text-${index}`
      parts.push({ type: 'text-start', id }, { type: 'text-delta', id, delta: part.text }, { type: 'text-end', id })
    } else if (part.type === 'reasoning') {
      const id = `reasoning-${index}`
      parts.push({
        type: 'reasoning-start',
        id,
        ...(part.origin ? { origin: part.origin } : {}),
        ...(part.itemId ? { itemId: part.itemId } : {}),
        ...(part.redactedData ? { redactedData: part.redactedData } : {}),
      })
      if (part.text) parts.push({ type: 'reasoning-delta', id, delta: part.text })
      if (part.signature) parts.push({ type: 'reasoning-signature', id, signature: part.signature })
      parts.push({ type: 'reasoning-end', id, ...(part.encryptedContent ? { encryptedContent: part.encryptedContent } : {}) })
    } else {
      const id = part.toolCallId
      parts.push(
        { type: 'tool-input-start', id, toolName: part.toolName, kind: part.kind, ...(part.itemId ? { itemId: part.itemId } : {}) },
        { type: 'tool-input-delta', id, delta: part.input },
        { type: 'tool-input-end', id },
      )
    }
  })
  parts.push({ type: 'finish', finishReason: result.finishReason, usage: result.usage })
  return parts
}

/** The same parts as a ReadableStream. */
export function resultToStream(result: CifResult): ReadableStream<CifStreamPart> {
  const parts = resultToStreamParts(result)
  return new ReadableStream<CifStreamPart>({
    start(controller) {
      for (const part of parts) controller.enqueue(part)
      controller.close()
    },
  })
}
