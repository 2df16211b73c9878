import { setTimeout as sleep } from 'node:timers/promises'

export interface OpenAiChatSseOptions {
  /** End with `data: [DONE]` (a mid-stream error or a truncated replay does not). */
  done: boolean
  /** Cut the bytes inside every multi-byte character, each piece its own write. */
  splitCharacters: boolean
  /** Pause between writes, so the pieces leave as separate TCP segments. */
  delayMs: number
}

/** Cuts after the lead byte of every multi-byte UTF-8 sequence: 'é' (C3 A9) leaves as C3 | A9. */
export function splitInsideCharacters(bytes: Uint8Array): Uint8Array[] {
  const pieces: Uint8Array[] = []
  let start = 0
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index]! >= 0xc0 && index + 1 < bytes.length) {
      pieces.push(bytes.subarray(start, index + 1))
      start = index + 1
    }
  }
  if (start < bytes.length) pieces.push(bytes.subarray(start))
  return pieces
}

/** JSON chunk texts → the SSE body OpenAI sends: `data: <json>\n\n` per chunk, then `data: [DONE]\n\n`. */
export function createOpenAiChatSseBody(chunkTexts: string[], options: OpenAiChatSseOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const frames = chunkTexts.map((text) => `data: ${text}\n\n`)
  if (options.done) frames.push('data: [DONE]\n\n')
  const writes = frames.flatMap((frame) => (options.splitCharacters ? splitInsideCharacters(encoder.encode(frame)) : [encoder.encode(frame)]))
  let next = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next > 0 && options.delayMs > 0) await sleep(options.delayMs)
      if (next >= writes.length) return controller.close()
      controller.enqueue(writes[next++]!)
    },
  })
}
