import type { ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { MockSseFrame } from './anthropic-mock-stream-frames'

export interface MockStreamWriteOptions {
  /** Split every multi-byte frame inside a character, across two TCP writes. */
  splitUnicode?: boolean
  /** Pause before every delta. */
  pauseMs?: number
}

/** Writes SSE frames (`event:` + `data:` lines) to the socket; stops quietly when the client went away. */
export async function writeMockStream(response: ServerResponse, frames: MockSseFrame[], options: MockStreamWriteOptions = {}): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' })
  response.flushHeaders()
  for (const frame of frames) {
    if (response.destroyed) return
    if (options.pauseMs && frame.event === 'content_block_delta') await sleep(options.pauseMs)
    const bytes = Buffer.from(`event: ${frame.event}\ndata: ${JSON.stringify(frame.data)}\n\n`)
    const cut = options.splitUnicode ? bytes.findIndex((byte) => (byte & 0xc0) === 0x80) : -1
    if (cut > 0) {
      response.write(bytes.subarray(0, cut))
      await sleep(15)
      if (response.destroyed) return
      response.write(bytes.subarray(cut))
    } else response.write(bytes)
  }
  response.end()
}
