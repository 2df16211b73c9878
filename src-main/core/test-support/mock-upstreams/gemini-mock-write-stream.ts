import type { ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'

export interface GeminiMockStreamOptions {
  /** `alt=sse`: `data: {…}\r\n\r\n` events; otherwise one JSON array written element by element. */
  sse: boolean
  /** Split every multi-byte chunk inside a character, across two TCP writes. */
  splitUnicode?: boolean
  /** Pause before every chunk. */
  pauseMs?: number
}

/** Writes streamGenerateContent chunks and closes; stops quietly when the client went away. */
export async function writeGeminiMockStream(response: ServerResponse, chunks: unknown[], options: GeminiMockStreamOptions): Promise<void> {
  response.writeHead(200, { 'content-type': options.sse ? 'text/event-stream' : 'application/json; charset=UTF-8', 'cache-control': 'no-cache' })
  response.flushHeaders()
  for (const [index, chunk] of chunks.entries()) {
    if (response.destroyed) return
    if (options.pauseMs) await sleep(options.pauseMs)
    const json = JSON.stringify(chunk)
    const text = options.sse ? `data: ${json}\r\n\r\n` : `${index === 0 ? '[' : ',\r\n'}${json}`
    const bytes = Buffer.from(text)
    const cut = options.splitUnicode ? bytes.findIndex((byte) => (byte & 0xc0) === 0x80) : -1
    if (cut > 0) {
      response.write(bytes.subarray(0, cut))
      await sleep(15)
      if (response.destroyed) return
      response.write(bytes.subarray(cut))
    } else response.write(bytes)
  }
  if (!options.sse) response.write(chunks.length === 0 ? '[]' : ']')
  response.end()
}
