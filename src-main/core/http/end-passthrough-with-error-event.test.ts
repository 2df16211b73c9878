import pino from 'pino'
import { describe, expect, test } from 'vitest'
import type { StreamSerializer } from '../ingress/stream-serializer'
import { endPassthroughWithErrorEvent } from './end-passthrough-with-error-event'

const serializer: StreamSerializer = { write: () => '', keepAlive: () => ': keep-alive\n\n', error: (error) => `event: error\ndata: ${error.code}\n\n` }

async function forwarded(...pieces: string[]): Promise<string> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece))
      controller.close()
    },
  })
  const stream = endPassthroughWithErrorEvent({ body, serializer, signal: new AbortController().signal, logger: pino({ level: 'silent' }), requestId: 'r' })
  return new Response(stream).text()
}

describe('endPassthroughWithErrorEvent', () => {
  test('a stream that ends with its dialect’s last event is forwarded byte for byte', async () => {
    expect(await forwarded('data: {"choices":[]}\n\n', 'data: [DONE]\n\n')).toBe('data: {"choices":[]}\n\ndata: [DONE]\n\n')
    expect(await forwarded('event: message_start\ndata: {}\n\n', 'event: message_stop\ndata: {"type":"message_stop"}\n\n')).not.toContain('event: error')
    expect(await forwarded('data: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\n')).not.toContain('event: error')
    expect(await forwarded('event: error\ndata: {"type":"error","error":{"type":"api_error","message":"x"}}\n\n')).not.toContain('stream_truncated')
  })

  // Regression (src-main/core/abuse/soak.test.ts): an Anthropic upstream whose stream ended cleanly after
  // message_start reached the client as a stream with neither message_stop nor an error event.
  test('a stream that ends cleanly before its last event gets the dialect’s error event', async () => {
    expect(await forwarded('event: message_start\ndata: {"type":"message_start"}\n\n')).toBe('event: message_start\ndata: {"type":"message_start"}\n\nevent: error\ndata: stream_truncated\n\n')
    expect(await forwarded('data: {"choices":[{"delta":{"content":"po"},"finish_reason":null}]}\n\n')).toContain('data: stream_truncated')
  })

  test('the last event is found at the end of a long stream of many small, multi-byte chunks; an old one far back is not', async () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `data: {"choices":[{"delta":{"content":"żółw ${i} 🐢"},"finish_reason":null}]}\n\n`)
    const bytes = (pieces: string[]) => pieces.flatMap((piece) => [...new TextEncoder().encode(piece)].map((byte) => String.fromCharCode(byte)))
    // One byte per chunk: the end marker and every multi-byte character arrive split.
    const oneBytePieces = async (pieces: string[]) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const byte of bytes(pieces)) controller.enqueue(Uint8Array.of(byte.charCodeAt(0)))
          controller.close()
        },
      })
      const stream = endPassthroughWithErrorEvent({ body, serializer, signal: new AbortController().signal, logger: pino({ level: 'silent' }), requestId: 'r' })
      return new Response(stream).text()
    }
    const complete = [...text(1000), 'data: [DONE]\n\n']
    expect(await oneBytePieces(complete)).toBe(complete.join(''))
    // A finish far back (more than the tail) does not make a stream that then breaks off look complete.
    const finishedLongAgo = ['data: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\n', ...text(1000)]
    expect(await forwarded(...finishedLongAgo)).toContain('data: stream_truncated')
    expect(await oneBytePieces(finishedLongAgo)).toContain('data: stream_truncated')
  })
})
