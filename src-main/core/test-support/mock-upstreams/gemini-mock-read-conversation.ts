type JsonObject = Record<string, unknown>

export interface GeminiMockLastUserContent {
  /** The text parts of the last user content and the outputs of its function responses. */
  text: string
  /** The outputs of its function responses, when it answers function calls. */
  toolResultText?: string
}

/** Reads the last user content, where the shared mock-upstream markers live. */
export function readGeminiMockLastUserContent(contents: JsonObject[]): GeminiMockLastUserContent {
  const last = contents.findLast((content) => content.role !== 'model')
  const parts = (last?.parts ?? []) as JsonObject[]
  const texts = parts.flatMap((part) => (typeof part.text === 'string' && !part.thought ? [part.text] : []))
  const results = parts.flatMap((part) => (part.functionResponse ? [responseText(part.functionResponse as JsonObject)] : []))
  const text = [...texts, ...results].filter(Boolean).join('\n')
  return results.length > 0 ? { text, toolResultText: results.join('\n') } : { text }
}

/** Images anywhere in the conversation: inline or by URI, also inside function responses. */
export function countGeminiMockImages(contents: JsonObject[]): number {
  const isImage = (blob: unknown) => typeof (blob as JsonObject | undefined)?.mimeType === 'string' && String((blob as JsonObject).mimeType).startsWith('image/')
  let images = 0
  for (const content of contents) {
    for (const part of (content.parts ?? []) as JsonObject[]) {
      if (isImage(part.inlineData) || isImage(part.fileData)) images++
      const inner = ((part.functionResponse as JsonObject | undefined)?.parts ?? []) as JsonObject[]
      images += inner.filter((item) => isImage(item.inlineData)).length
    }
  }
  return images
}

/** `{output: "…"}` / `{error: "…"}` as their text, any other response object as JSON. */
function responseText(response: JsonObject): string {
  const body = (response.response ?? {}) as JsonObject
  if (typeof body.output === 'string') return body.output
  if (typeof body.error === 'string') return body.error
  return JSON.stringify(body)
}
