import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { createSseDecoder } from './create-sse-decoder'
import { decodeSse, type SseEvent } from './decode-sse'
import { parseJsonEventStream, type ParseResult } from './parse-json-event-stream'
import { referenceJsonEventStream } from '../test-support/reference-json-event-stream'

const encoder = new TextEncoder()
const providersDir = join(import.meta.dirname, '..', 'providers')
const fixtureLines = (path: string) => readFileSync(join(providersDir, path), 'utf8').split('\n').filter((line) => line !== '')

/** Recorded upstream streams as they come over the wire. */
const streams: Record<string, Uint8Array> = {
  // OpenAI chat: data-only events, multi-byte characters (ü, 東京, 🌸, ZWJ sequences) in the deltas.
  'openai text-split-utf8': encoder.encode(`${fixtureLines('openai-compatible/__fixtures__/text-split-utf8.chunks.txt').map((line) => `data: ${line}\n\n`).join('')}data: [DONE]\n\n`),
  // Anthropic: named events.
  'anthropic thinking-tool-use': encoder.encode(
    fixtureLines('anthropic/__fixtures__/thinking-tool-use.chunks.txt')
      .map((line) => `event: ${(JSON.parse(line) as { type: string }).type}\ndata: ${line}\n\n`)
      .join(''),
  ),
  // Everything else the grammar allows: a BOM, CRLF and bare CR line ends, comments, id/retry (valid and
  // not), unknown fields, a field without a colon, multi-line data, `data:` without a space, an empty
  // event name, and a last event the stream ends without its blank line (dropped, as before).
  edge: encoder.encode(
    '\uFEFF: comment at the start\r\n' +
      'event: first\r\ndata: {"a":"ä"}\r\n\r\n' +
      'id: 7\rretry: 3000\rdata: line one\rdata:line two\r\r' +
      ': keep-alive\n\n' +
      'retry: soon\nunknown: field\ndata\n\n' +
      'event:\ndata: 🌸 with\n  indent\ndata: \n\n' +
      'id: 8\n\n' +
      'data: {"done":"東京"}\n\ndata: 👩‍💻 last without blank line',
  ),
}

async function referenceEvents(chunks: Uint8Array[]): Promise<SseEvent[]> {
  const events: SseEvent[] = []
  for await (const event of decodeSse(bodyOf(chunks)) as unknown as AsyncIterable<SseEvent>) events.push(event)
  return events
}

function decoderEvents(chunks: Uint8Array[]): SseEvent[] {
  const events: SseEvent[] = []
  const decoder = createSseDecoder((event) => events.push(event))
  for (const chunk of chunks) decoder.push(chunk)
  decoder.end()
  return events
}

function bodyOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++]
      if (chunk) controller.enqueue(chunk)
      else controller.close()
    },
  })
}

describe('createSseDecoder gives exactly the events of TextDecoderStream + EventSourceParserStream', () => {
  for (const [name, bytes] of Object.entries(streams)) {
    test(`${name}: split in two at every byte offset`, async () => {
      const expected = await referenceEvents([bytes])
      expect(expected.length).toBeGreaterThan(2)
      for (let offset = 0; offset <= bytes.length; offset++) {
        const chunks = [bytes.subarray(0, offset), bytes.subarray(offset)]
        expect(decoderEvents(chunks), `split at ${offset}`).toEqual(expected)
      }
    })

    test(`${name}: one byte per chunk, and three pieces`, async () => {
      const expected = await referenceEvents([bytes])
      expect(decoderEvents([...bytes].map((byte) => Uint8Array.of(byte)))).toEqual(expected)
      expect(await referenceEvents([...bytes].map((byte) => Uint8Array.of(byte)))).toEqual(expected)
      for (let first = 1; first < bytes.length; first += 7) {
        for (let second = first; second <= bytes.length; second += 13) {
          const chunks = [bytes.subarray(0, first), bytes.subarray(first, second), bytes.subarray(second)]
          expect(decoderEvents(chunks), `split at ${first}, ${second}`).toEqual(expected)
        }
      }
    })
  }

  test('the edge stream: what the events are', () => {
    expect(decoderEvents([streams.edge!])).toEqual([
      { id: undefined, event: 'first', data: '{"a":"ä"}' },
      { id: '7', event: undefined, data: 'line one\nline two' },
      { id: undefined, event: undefined, data: '' },
      { id: undefined, event: undefined, data: '🌸 with\n' },
      { id: undefined, event: undefined, data: '{"done":"東京"}' },
    ])
  })

  test('a multi-byte character cut at the very end of the body becomes U+FFFD and the event is still dropped', async () => {
    const bytes = encoder.encode('data: a\n\ndata: 🌸')
    const cut = [bytes.subarray(0, bytes.length - 2)]
    expect(decoderEvents(cut)).toEqual(await referenceEvents(cut))
    const done = [encoder.encode('data: 🌸\n\n').subarray(0, 8), encoder.encode('data: 🌸\n\n').subarray(8)]
    expect(decoderEvents(done)).toEqual([{ id: undefined, event: undefined, data: '🌸' }])
  })
})

describe('parseJsonEventStream', () => {
  const schema = z.object({ n: z.number() })

  /** The implementation before the rewrite: three web streams. */
  function reference(body: ReadableStream<Uint8Array>): ReadableStream<ParseResult<{ n: number }>> {
    return referenceJsonEventStream(body, schema)
  }

  async function collect<T>(stream: ReadableStream<T>): Promise<T[]> {
    const out: T[] = []
    for await (const item of stream as unknown as AsyncIterable<T>) out.push(item)
    return out
  }

  const describeResult = (result: ParseResult<{ n: number }>) => (result.success ? result : { success: false, message: result.error.message, name: result.error.name, event: result.event })

  test('the same results as the three-stage chain: values, not-JSON, schema failures, [DONE] dropped', async () => {
    const bytes = encoder.encode('data: {"n":1}\n\ndata: {"n":\n\ndata: {"n":"x"}\n\nevent: e\ndata: {"n":2,"extra":true}\n\ndata: [DONE]\n\n')
    for (let offset = 0; offset <= bytes.length; offset += 3) {
      const chunks = [bytes.subarray(0, offset), bytes.subarray(offset)]
      const [actual, expected] = await Promise.all([collect(parseJsonEventStream(bodyOf(chunks), schema)), collect(reference(bodyOf(chunks)))])
      expect(actual.map(describeResult)).toEqual(expected.map(describeResult))
      expect(actual).toHaveLength(4)
    }
  })

  test('a fast path answers for the chunks it knows; the schema for the rest', async () => {
    const fastPath = (json: unknown) => ((json as { n?: unknown }).n === 1 ? { n: 1 } : undefined)
    const results = await collect(parseJsonEventStream(bodyOf([encoder.encode('data: {"n":1}\n\ndata: {"n":"x"}\n\n')]), schema, fastPath))
    expect(results.map((result) => result.success)).toEqual([true, false])
  })

  test('a body that errors errors the stream with the same error', async () => {
    const failure = new Error('socket hang up')
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('data: {"n":1}\n\n'))
        controller.error(failure)
      },
    })
    await expect(collect(parseJsonEventStream(body, schema))).rejects.toBe(failure)
  })
})
