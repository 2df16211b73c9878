import { describe, expect, test } from 'vitest'
import { parseJsonEventStream } from '../../sse/parse-json-event-stream'
import { collectParts } from '../../test-support/collect-parts'
import { anthropicStreamEventSchema } from './anthropic-messages-api'
import { createAnthropicStreamTransform } from './anthropic-stream-transform'

const start = '{"type":"message_start","message":{"id":"msg_1","model":"m","usage":{"input_tokens":3,"output_tokens":1}}}'
const stop = ['{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}', '{"type":"message_stop"}']

function partsOf(events: Array<[string, string]>) {
  const text = events.map(([event, data]) => `event: ${event}\ndata: ${data}\n\n`).join('')
  const body = new Response(text).body!
  const warnings = [{ type: 'other' as const, message: 'from the request' }]
  return collectParts(parseJsonEventStream(body, anthropicStreamEventSchema).pipeThrough(createAnthropicStreamTransform({ instanceId: 'an', warnings, customToolNames: new Set() })))
}

const named = (data: string): [string, string] => [JSON.parse(data).type as string, data]

describe('anthropic stream transform', () => {
  test('request warnings open the stream; unknown events and delta types are ignored', async () => {
    const parts = await partsOf([
      named(start),
      named('{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}'),
      named('{"type":"content_block_delta","index":0,"delta":{"type":"citations_delta","citation":{}}}'),
      named('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"ok"}}'),
      named('{"type":"content_block_stop","index":0}'),
      named('{"type":"future_event","payload":1}'),
      ...stop.map(named),
    ])
    expect(parts[0]).toEqual({ type: 'stream-start', warnings: [{ type: 'other', message: 'from the request' }] })
    expect(parts.map((part) => part.type)).toEqual(['stream-start', 'response-metadata', 'text-start', 'text-delta', 'text-end', 'finish'])
  })

  test('an unreadable event becomes an error part and ends the stream', async () => {
    const parts = await partsOf([named(start), ['content_block_start', '{"type":"content_block_start","index":'], ...stop.map(named)])
    expect(parts.map((part) => part.type)).toEqual(['stream-start', 'response-metadata', 'error'])
    expect(parts.at(-1)).toMatchObject({ error: { status: 502, code: 'invalid_stream_event' } })
  })

  test('a known event with a wrong shape is an error too, not an unknown event', async () => {
    const parts = await partsOf([named(start), named('{"type":"content_block_delta","delta":{"type":"text_delta","text":"x"}}')])
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { code: 'invalid_stream_event' } })
  })

  test('a delta for a block that never started is an error', async () => {
    const parts = await partsOf([named(start), named('{"type":"content_block_delta","index":4,"delta":{"type":"text_delta","text":"x"}}'), ...stop.map(named)])
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { message: expect.stringContaining('block 4 before its start') } })
  })
})
