import { EventSourceParserStream, type EventSourceMessage } from 'eventsource-parser/stream'

export type SseEvent = EventSourceMessage

/**
 * Bytes → SSE events, for upstream streams. Multi-byte characters split across chunks are reassembled by
 * the TextDecoderStream; events split across chunks by the parser.
 */
export function decodeSse(body: ReadableStream<Uint8Array>): ReadableStream<SseEvent> {
  return body.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).pipeThrough(new EventSourceParserStream())
}
