import Anthropic, { APIError } from '@anthropic-ai/sdk'
import { createAnthropic } from '@ai-sdk/anthropic'
import { streamText } from 'ai'
import { describe, expect, test } from 'vitest'
import type { CifStreamPart } from '../../cif'
import { GatewayError } from '../../errors/gateway-error'
import { createAnthropicMessagesStreamSerializer, type AnthropicStreamSerializerContext } from './create-anthropic-messages-stream-serializer'
import { parseAnthropicMessagesRequest } from './parse-anthropic-messages-request'

const context: AnthropicStreamSerializerContext = { model: 'claude-sonnet-5', requestId: 'req0000000000001', created: 1_700_000_000 }

function serialize(parts: CifStreamPart[], overrides: Partial<AnthropicStreamSerializerContext> = {}): string {
  const serializer = createAnthropicMessagesStreamSerializer({ ...context, ...overrides })
  return parts.map((part) => serializer.write(part)).join('')
}

/** The SSE frames, checked for the named-event form every Anthropic client needs (`event:` equals `data.type`). */
function events(sse: string): Array<Record<string, unknown> & { type: string }> {
  return sse
    .split('\n\n')
    .filter(Boolean)
    .map((frame) => {
      const [eventLine, dataLine, ...rest] = frame.split('\n')
      expect(rest).toEqual([])
      const data = JSON.parse(dataLine!.replace(/^data: /, '')) as Record<string, unknown> & { type: string }
      expect(eventLine).toBe(`event: ${data.type}`)
      return data
    })
}

function sseResponse(sse: string): Response {
  return new Response(sse, { status: 200, headers: { 'content-type': 'text/event-stream' } })
}

/** The real Anthropic SDK's accumulator (messages.stream().finalMessage()) reading the gateway's SSE. */
function anthropicFinalMessage(sse: string): Promise<Anthropic.Message> {
  const client = new Anthropic({ apiKey: 'test', baseURL: 'http://gateway.test', maxRetries: 0, fetch: async () => sseResponse(sse) })
  return client.messages.stream({ model: 'claude-sonnet-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] }).finalMessage()
}

const finishStop: CifStreamPart = { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { outputTokens: 7 } }

describe('the stream follows the official grammar and the Anthropic SDK accumulates it', () => {
  test('text: message_start (+ ping), one block, message_delta, message_stop', async () => {
    const sse = serialize([
      { type: 'stream-start', warnings: [] },
      { type: 'response-metadata', id: 'msg_upstream1', model: 'gpt-x', usage: { inputTokens: 100 } },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Hello' },
      { type: 'text-delta', id: 't1', delta: '' },
      { type: 'text-delta', id: 't1', delta: ' world' },
      { type: 'text-end', id: 't1' },
      finishStop,
    ])
    expect(events(sse).map((event) => event.type)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    const message = await anthropicFinalMessage(sse)
    expect(message).toMatchObject({ id: 'msg_upstream1', model: 'claude-sonnet-5', role: 'assistant', stop_reason: 'end_turn', stop_sequence: null })
    expect(message.content).toEqual([{ type: 'text', text: 'Hello world' }])
    expect(message.usage).toMatchObject({ input_tokens: 100, output_tokens: 7, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 })
  })

  test('thinking with its signature, then a tool call: the SDK gets the signature and the parsed input', async () => {
    const sse = serialize([
      { type: 'text-start', id: 'x' },
      { type: 'text-end', id: 'x' },
      { type: 'reasoning-start', id: 'r1', origin: { dialect: 'anthropic' } },
      { type: 'reasoning-delta', id: 'r1', delta: 'Weather needs ' },
      { type: 'reasoning-delta', id: 'r1', delta: 'a lookup.' },
      { type: 'reasoning-signature', id: 'r1', signature: 'EqSignature==' },
      { type: 'reasoning-end', id: 'r1' },
      { type: 'tool-input-start', id: 'toolu_01', toolName: 'get_weather', kind: 'function' },
      { type: 'tool-input-delta', id: 'toolu_01', delta: '{"city":' },
      { type: 'tool-input-delta', id: 'toolu_01', delta: '"Paris"}' },
      { type: 'tool-input-end', id: 'toolu_01' },
      { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_use' }, usage: { inputTokens: 50, outputTokens: 30 } },
    ])
    const deltas = events(sse).filter((event) => event.type === 'content_block_delta')
    expect(deltas.map((event) => [event.index, (event.delta as { type: string }).type])).toEqual([
      [1, 'thinking_delta'],
      [1, 'thinking_delta'],
      [1, 'signature_delta'],
      [2, 'input_json_delta'],
      [2, 'input_json_delta'],
    ])
    const message = await anthropicFinalMessage(sse)
    expect(message.content).toEqual([
      { type: 'text', text: '' },
      { type: 'thinking', thinking: 'Weather needs a lookup.', signature: 'EqSignature==' },
      { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { city: 'Paris' } },
    ])
    expect(message.stop_reason).toBe('tool_use')
    expect(message.usage).toMatchObject({ input_tokens: 50, output_tokens: 30 })
  })

  test('two parallel tool calls with interleaved deltas: one block at a time, each delta at its own index', async () => {
    const sse = serialize([
      { type: 'tool-input-start', id: 'call_a', toolName: 'read', kind: 'function' },
      { type: 'tool-input-start', id: 'call_b', toolName: 'grep', kind: 'function' },
      { type: 'tool-input-delta', id: 'call_a', delta: '{"path":' },
      { type: 'tool-input-delta', id: 'call_b', delta: '{"pattern":' },
      { type: 'tool-input-delta', id: 'call_a', delta: '"a.ts"}' },
      { type: 'tool-input-delta', id: 'call_b', delta: '"TODO"}' },
      { type: 'tool-input-end', id: 'call_b' },
      { type: 'tool-input-end', id: 'call_a' },
      // The upstream said "stop" although it made calls (Copilot, Qwen): the calls decide.
      finishStop,
    ])
    const blockEvents = events(sse).filter((event) => event.type.startsWith('content_block'))
    expect(blockEvents.map((event) => `${event.type}:${String(event.index)}`)).toEqual([
      'content_block_start:0',
      'content_block_delta:0',
      'content_block_delta:0',
      'content_block_stop:0',
      'content_block_start:1',
      'content_block_delta:1',
      'content_block_delta:1',
      'content_block_stop:1',
    ])
    const message = await anthropicFinalMessage(sse)
    expect(message.content).toEqual([
      { type: 'tool_use', id: 'call_a', name: 'read', input: { path: 'a.ts' } },
      { type: 'tool_use', id: 'call_b', name: 'grep', input: { pattern: 'TODO' } },
    ])
    expect(message.stop_reason).toBe('tool_use')
  })

  test('a text block opened while a tool call streams waits for it, with its text intact', async () => {
    const sse = serialize([
      { type: 'tool-input-start', id: 'call_a', toolName: 'read', kind: 'function' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Reading.' },
      { type: 'tool-input-delta', id: 'call_a', delta: '{}' },
      { type: 'text-end', id: 't' },
      finishStop,
    ])
    const message = await anthropicFinalMessage(sse)
    expect(message.content).toEqual([
      { type: 'tool_use', id: 'call_a', name: 'read', input: {} },
      { type: 'text', text: 'Reading.' },
    ])
  })

  test('a mid-stream error ends the stream with an error event; the SDK raises it', async () => {
    const serializer = createAnthropicMessagesStreamSerializer(context)
    const overloaded = new GatewayError({ status: 529, type: 'overloaded', message: 'Upstream overloaded' })
    const sse = [
      serializer.write({ type: 'text-start', id: 't' }),
      serializer.write({ type: 'text-delta', id: 't', delta: 'Part' }),
      serializer.write({ type: 'error', error: overloaded }),
    ].join('')
    expect(serializer.write(finishStop)).toBe('')
    expect(serializer.keepAlive()).toBe('')
    expect(events(sse).at(-1)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Upstream overloaded' } })
    const failure = await anthropicFinalMessage(sse).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(APIError)
    expect((failure as APIError).error).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Upstream overloaded' } })
  })

  test('error() for a failure outside the part stream sends the same event', () => {
    const serializer = createAnthropicMessagesStreamSerializer(context)
    serializer.write({ type: 'text-start', id: 't' })
    const sse = serializer.error(new GatewayError({ status: 502, type: 'upstream', message: 'The upstream stream broke off.' }))
    expect(events(sse)).toEqual([{ type: 'error', error: { type: 'api_error', message: 'The upstream stream broke off.' } }])
  })

  test('cache usage: uncached input at the start, cache counts at start and end', async () => {
    const sse = serialize([
      { type: 'response-metadata', usage: { inputTokens: 1000, cacheReadTokens: 800, cacheWriteTokens: 150, cacheWrite1hTokens: 150 } },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'cached' },
      { type: 'finish', finishReason: { unified: 'stop' }, usage: { outputTokens: 9, reasoningTokens: 2 } },
    ])
    const [start] = events(sse)
    expect((start!.message as { usage: unknown }).usage).toEqual({
      input_tokens: 50,
      output_tokens: 0,
      cache_read_input_tokens: 800,
      cache_creation_input_tokens: 150,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 150 },
    })
    const delta = events(sse).find((event) => event.type === 'message_delta')!
    expect(delta.usage).toEqual({
      output_tokens: 9,
      input_tokens: 50,
      cache_read_input_tokens: 800,
      cache_creation_input_tokens: 150,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 150 },
      output_tokens_details: { thinking_tokens: 2 },
    })
    const message = await anthropicFinalMessage(sse)
    expect(message.usage).toMatchObject({ input_tokens: 50, output_tokens: 9, cache_read_input_tokens: 800, cache_creation_input_tokens: 150 })
    // Open blocks are closed before message_delta.
    expect(events(sse).map((event) => event.type).slice(-4)).toEqual(['content_block_delta', 'content_block_stop', 'message_delta', 'message_stop'])
  })
})

describe('input tokens at message_start', () => {
  const textOnly: CifStreamPart[] = [{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'x' }, { type: 'text-end', id: 't' }, finishStop]

  test('without early usage, the estimate (or 0) — and message_start comes first even when a block starts first', () => {
    const [withEstimate] = events(serialize(textOnly, { estimatedInputTokens: 321 }))
    expect(withEstimate).toMatchObject({ type: 'message_start', message: { id: 'msg_req0000000000001', content: [], stop_reason: null, usage: { input_tokens: 321 } } })
    const [withoutEstimate] = events(serialize(textOnly))
    expect(withoutEstimate).toMatchObject({ type: 'message_start', message: { usage: { input_tokens: 0 } } })
  })

  test('the upstream count reported at the end overrides the estimate in the final message', async () => {
    const sse = serialize([...textOnly.slice(0, 3), { type: 'finish', finishReason: { unified: 'stop' }, usage: { inputTokens: 500, outputTokens: 5 } }], { estimatedInputTokens: 321 })
    const message = await anthropicFinalMessage(sse)
    expect(message.usage).toMatchObject({ input_tokens: 500, output_tokens: 5 })
  })

  test('keep-alive: message_start + ping before anything else, then pings', () => {
    const serializer = createAnthropicMessagesStreamSerializer({ ...context, estimatedInputTokens: 12 })
    expect(events(serializer.keepAlive()).map((event) => event.type)).toEqual(['message_start', 'ping'])
    expect(events(serializer.keepAlive())).toEqual([{ type: 'ping' }])
    expect(serializer.write({ type: 'response-metadata', usage: { inputTokens: 99 } })).toBe('')
  })
})

describe('reasoning and tools from other dialects', () => {
  test('redacted thinking is a redacted_thinking block with its data', async () => {
    const sse = serialize([
      { type: 'reasoning-start', id: 'r', origin: { dialect: 'anthropic' }, redactedData: 'EncryptedBlob' },
      { type: 'reasoning-delta', id: 'r', delta: 'no text belongs in a redacted block' },
      { type: 'reasoning-end', id: 'r' },
      finishStop,
    ])
    expect(events(sse).filter((event) => event.type === 'content_block_delta')).toEqual([])
    const message = await anthropicFinalMessage(sse)
    expect(message.content).toEqual([{ type: 'redacted_thinking', data: 'EncryptedBlob' }])
  })

  test('unsigned reasoning keeps signature ""; Responses state rides in the signature envelope and parses back', async () => {
    const sse = serialize([
      { type: 'reasoning-start', id: 'chat', origin: { dialect: 'openai-chat' } },
      { type: 'reasoning-delta', id: 'chat', delta: 'chat thoughts' },
      { type: 'reasoning-end', id: 'chat' },
      { type: 'reasoning-start', id: 'rs', origin: { dialect: 'openai-responses', instanceId: 'oa' }, itemId: 'rs_7' },
      { type: 'reasoning-delta', id: 'rs', delta: 'summary' },
      { type: 'reasoning-end', id: 'rs', encryptedContent: 'gAAAAB' },
      finishStop,
    ])
    const message = await anthropicFinalMessage(sse)
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'chat thoughts', signature: '' },
      { type: 'thinking', thinking: 'summary', signature: expect.stringMatching(/^omnillm\.v1\./) },
    ])
    const { request } = parseAnthropicMessagesRequest({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: message.content }] }, {})
    expect(request.messages[1]!.content).toEqual([
      { type: 'reasoning', text: 'chat thoughts' },
      { type: 'reasoning', text: 'summary', origin: { dialect: 'openai-responses', instanceId: 'oa' }, itemId: 'rs_7', encryptedContent: 'gAAAAB' },
    ])
  })

  test('a freeform (custom) tool streams as {"input": "<text>"}, escaped', async () => {
    const patch = '*** Begin Patch\n+say "hi"\\n\n*** End Patch'
    const sse = serialize([
      { type: 'tool-input-start', id: 'ctc_1', toolName: 'apply_patch', kind: 'custom' },
      // A repeated start changes nothing.
      { type: 'tool-input-start', id: 'ctc_1', toolName: 'apply_patch', kind: 'custom' },
      { type: 'tool-input-delta', id: 'ctc_1', delta: patch.slice(0, 20) },
      { type: 'tool-input-delta', id: 'ctc_1', delta: patch.slice(20) },
      { type: 'tool-input-end', id: 'ctc_1' },
      finishStop,
    ])
    const message = await anthropicFinalMessage(sse)
    expect(message.content).toEqual([{ type: 'tool_use', id: 'ctc_1', name: 'apply_patch', input: { input: patch } }])
  })

  test('blocks still open at finish are closed in order, then message_delta', async () => {
    const sse = serialize([
      { type: 'reasoning-start', id: 'r', origin: { dialect: 'anthropic' } },
      { type: 'reasoning-delta', id: 'r', delta: 'hm' },
      { type: 'reasoning-signature', id: 'r', signature: 'EqLate' },
      { type: 'tool-input-start', id: 'call_1', toolName: 'ls', kind: 'function' },
      { type: 'tool-input-delta', id: 'call_1', delta: '{"dir":"."}' },
      { type: 'finish', finishReason: { unified: 'length' }, usage: { outputTokens: 100 } },
    ])
    const message = await anthropicFinalMessage(sse)
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'hm', signature: 'EqLate' },
      { type: 'tool_use', id: 'call_1', name: 'ls', input: { dir: '.' } },
    ])
    expect(message.stop_reason).toBe('max_tokens')
  })
})

describe('the Vercel AI SDK (strict zod schemas for every event) reads the stream too', () => {
  test('thinking, text and a tool call', async () => {
    const sse = serialize([
      { type: 'response-metadata', id: 'msg_ai', usage: { inputTokens: 40 } },
      { type: 'reasoning-start', id: 'r', origin: { dialect: 'anthropic' } },
      { type: 'reasoning-delta', id: 'r', delta: 'think' },
      { type: 'reasoning-signature', id: 'r', signature: 'EqAi' },
      { type: 'reasoning-end', id: 'r' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Checking.' },
      { type: 'text-end', id: 't' },
      { type: 'tool-input-start', id: 'toolu_ai', toolName: 'get_weather', kind: 'function' },
      { type: 'tool-input-delta', id: 'toolu_ai', delta: '{"city":"Oslo"}' },
      { type: 'tool-input-end', id: 'toolu_ai' },
      { type: 'finish', finishReason: { unified: 'tool-calls' }, usage: { outputTokens: 12 } },
    ])
    const model = createAnthropic({ apiKey: 'test', baseURL: 'http://gateway.test/v1', fetch: async () => sseResponse(sse) })('claude-sonnet-5')
    const result = streamText({ model, prompt: 'weather?' })
    const parts: string[] = []
    for await (const part of result.fullStream) parts.push(part.type)
    expect(parts).not.toContain('error')
    expect(await result.finishReason).toBe('tool-calls')
    expect(await result.reasoningText).toBe('think')
    expect(await result.text).toBe('Checking.')
    expect(await result.toolCalls).toEqual([expect.objectContaining({ toolCallId: 'toolu_ai', toolName: 'get_weather', input: { city: 'Oslo' } })])
    expect((await result.usage).inputTokens).toBe(40)
  })
})
