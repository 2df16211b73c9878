import { createParser } from 'eventsource-parser'
import type { SseEvent } from './decode-sse'

export interface SseDecoder {
  /** One network chunk: decoded (a multi-byte character split across chunks waits for its rest) and parsed. */
  push(bytes: Uint8Array): void
  /** The end of the body: the decoder's remainder is parsed too. An event without its blank line is not dispatched. */
  end(): void
}

/**
 * Bytes → SSE events, synchronously, for a transform that runs per network chunk instead of a chain of
 * web streams. The same pieces as decodeSse (a UTF-8 TextDecoder in streaming mode, eventsource-parser's
 * parser without callbacks for comments, ids and retries), so the events are exactly those it produces:
 * CRLF / CR / LF line ends, multi-line data, a leading BOM stripped, and an event that the stream ends
 * without a blank line after is dropped.
 */
export function createSseDecoder(onEvent: (event: SseEvent) => void): SseDecoder {
  const decoder = new TextDecoder()
  const parser = createParser({ onEvent })
  return {
    push(bytes) {
      const text = decoder.decode(bytes, { stream: true })
      if (text !== '') parser.feed(text)
    },
    end() {
      const rest = decoder.decode()
      if (rest !== '') parser.feed(rest)
    },
  }
}
