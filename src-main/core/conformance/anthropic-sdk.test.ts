import Anthropic from '@anthropic-ai/sdk'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hasUpstreams, startConformanceGateway, upstreams, type ConformanceGateway } from '../test-support/start-conformance-gateway'
import { tinyPngBase64, weatherTool } from './tiny-png'

/** The official Anthropic SDK → the gateway's /v1/messages → each upstream dialect. */
let setup: ConformanceGateway
let client: Anthropic

beforeAll(async () => {
  setup = await startConformanceGateway()
  client = new Anthropic({ baseURL: setup.gateway.url, apiKey: setup.gateway.apiKey, maxRetries: 0 })
})
afterAll(() => setup.close())

const tools: Anthropic.Tool[] = [{ name: weatherTool.name, description: weatherTool.description, input_schema: weatherTool.parameters as unknown as Anthropic.Tool.InputSchema }]

describe.each(upstreams)('anthropic SDK → /v1/messages → $name upstream', ({ model, capabilities }) => {
  test('text: create', async () => {
    const message = await client.messages.create({ model, max_tokens: 256, messages: [{ role: 'user', content: 'Say hello' }] })
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'Hello from the mock upstream.' })])
    expect(message.stop_reason).toBe('end_turn')
    expect(message.usage.input_tokens).toBeGreaterThan(0)
    expect(message.usage.output_tokens).toBeGreaterThan(0)
  })

  test('text: stream().finalMessage(), with usage at start and end', async () => {
    const stream = client.messages.stream({ model, max_tokens: 256, messages: [{ role: 'user', content: 'Say hello' }] })
    let startInputTokens = -1
    stream.on('streamEvent', (event) => {
      if (event.type === 'message_start') startInputTokens = event.message.usage.input_tokens
    })
    const message = await stream.finalMessage()
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'Hello from the mock upstream.' })])
    expect(message.stop_reason).toBe('end_turn')
    expect(startInputTokens).toBeGreaterThan(0)
    expect(message.usage.output_tokens).toBeGreaterThan(0)
  })

  test('streamed tool call, then the tool result round trip', async () => {
    const first = await client.messages
      .stream({ model, max_tokens: 256, tools, messages: [{ role: 'user', content: 'TOOLCALL:get_weather:{"city":"Paris"}' }] })
      .finalMessage()
    expect(first.stop_reason).toBe('tool_use')
    const call = first.content.find((block) => block.type === 'tool_use')
    expect(call).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Paris' } })

    const second = await client.messages.create({
      model,
      max_tokens: 256,
      tools,
      messages: [
        { role: 'user', content: 'TOOLCALL:get_weather:{"city":"Paris"}' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: (call as Anthropic.ToolUseBlock).id, content: '18°C and sunny' }] },
      ],
    })
    expect(second.content).toEqual([expect.objectContaining({ type: 'text', text: 'Tool said: 18°C and sunny' })])
  })

  test('parallel tool calls, streamed', async () => {
    const message = await client.messages.stream({ model, max_tokens: 256, tools, messages: [{ role: 'user', content: 'PARALLEL_TOOLS' }] }).finalMessage()
    const calls = message.content.filter((block) => block.type === 'tool_use')
    expect(calls.map((call) => call.input)).toEqual([{ city: 'Paris' }, { city: 'London' }])
    expect(new Set(calls.map((call) => call.id)).size).toBe(2)
    expect(message.stop_reason).toBe('tool_use')
  })

  test('thinking arrives as a thinking block before the text', async () => {
    const message = await client.messages
      .stream({ model, max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 }, messages: [{ role: 'user', content: 'WITHTHINKING please' }] })
      .finalMessage()
    expect(message.content[0]).toMatchObject({ type: 'thinking' })
    expect((message.content[0] as Anthropic.ThinkingBlock).thinking.length).toBeGreaterThan(0)
    expect(message.content.at(-1)).toMatchObject({ type: 'text', text: 'Hello from the mock upstream.' })
    if (capabilities.signsReasoning) expect((message.content[0] as Anthropic.ThinkingBlock).signature.length).toBeGreaterThan(0)
  })

  test('images, also inside tool results', async () => {
    const image = { type: 'image' as const, source: { type: 'base64' as const, media_type: 'image/png' as const, data: tinyPngBase64 } }
    const direct = await client.messages.create({ model, max_tokens: 256, messages: [{ role: 'user', content: [image, { type: 'text', text: 'What is this?' }] }] })
    expect(direct.content[0]).toMatchObject({ type: 'text', text: 'Hello from the mock upstream. (saw 1 image(s))' })

    const inToolResult = await client.messages.create({
      model,
      max_tokens: 256,
      tools,
      messages: [
        { role: 'user', content: 'TOOLCALL:get_weather:{"city":"Paris"}' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { city: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: [{ type: 'text', text: 'a map' }, image] }] },
      ],
    })
    expect(inToolResult.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^Tool said: a map.*\(saw 1 image\(s\)\)$/s) })
  })

  test('cache_control is accepted and cache usage is reported', async () => {
    const message = await client.messages.create({
      model,
      max_tokens: 256,
      // Longer TTLs must come first, as the real API requires.
      system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral', ttl: '1h' } }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'CACHE', cache_control: { type: 'ephemeral' } }] }],
    })
    expect(message.usage.cache_read_input_tokens).toBe(100)
    if (capabilities.reportsCacheWrite) expect(message.usage.cache_creation_input_tokens).toBe(50)
  })

  test('stop reasons: max_tokens and stop_sequence', async () => {
    const length = await client.messages.create({ model, max_tokens: 5, messages: [{ role: 'user', content: 'MAXTOKENS' }] })
    expect(length.stop_reason).toBe('max_tokens')
    const stopped = await client.messages.create({ model, max_tokens: 256, stop_sequences: ['END'], messages: [{ role: 'user', content: 'STOPSEQ' }] })
    // Chat Completions does not say which stop sequence matched.
    expect(stopped.stop_reason).toBe(capabilities.reportsStopSequence ? 'stop_sequence' : 'end_turn')
  })

  test('a mid-stream upstream error ends the stream with an error event the SDK throws', async () => {
    const stream = client.messages.stream({ model, max_tokens: 256, messages: [{ role: 'user', content: 'MIDSTREAM_ERROR' }] })
    let text = ''
    stream.on('text', (delta) => (text += delta))
    await expect(stream.finalMessage()).rejects.toThrow()
    expect(text.length).toBeGreaterThan(0)
  })

  test('an upstream 429 reaches the client as a 429 with Retry-After, streaming or not', async () => {
    for (const stream of [false, true]) {
      const error = await client.messages
        .create({ model, max_tokens: 256, stream, messages: [{ role: 'user', content: 'ERROR:429' }] })
        .then(() => undefined, (caught: unknown) => caught)
      expect(error).toBeInstanceOf(Anthropic.RateLimitError)
      expect((error as InstanceType<typeof Anthropic.RateLimitError>).headers?.get('retry-after')).toBe('7')
    }
  })

  test('count_tokens', async () => {
    const response = await client.messages.countTokens({ model, messages: [{ role: 'user', content: 'How many tokens is this?' }] })
    expect(response.input_tokens).toBeGreaterThan(0)
  })
})

test.runIf(hasUpstreams('anthropic'))('thinking signature round trip through the anthropic upstream: the signed block is replayed and accepted', async () => {
  const model = 'an:mock-claude'
  const request = { model, max_tokens: 4096, tools, thinking: { type: 'enabled' as const, budget_tokens: 2048 } }
  const first = await client.messages.stream({ ...request, messages: [{ role: 'user', content: 'WITHTHINKING TOOLCALL:get_weather:{"city":"Paris"}' }] }).finalMessage()
  expect(first.content[0]).toMatchObject({ type: 'thinking', signature: expect.any(String) })
  const call = first.content.find((block) => block.type === 'tool_use') as Anthropic.ToolUseBlock
  const second = await client.messages.create({
    ...request,
    messages: [
      { role: 'user', content: 'WITHTHINKING TOOLCALL:get_weather:{"city":"Paris"}' },
      { role: 'assistant', content: first.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '18°C' }] },
    ],
  })
  expect(second.content.at(-1)).toMatchObject({ type: 'text', text: 'Tool said: 18°C' })
})

test.runIf(hasUpstreams('openai-compatible', 'anthropic'))('switching upstream mid-conversation: thinking another upstream produced is not replayed to Anthropic', async () => {
  const request = { max_tokens: 4096, tools, thinking: { type: 'enabled' as const, budget_tokens: 2048 } }
  const first = await client.messages.create({ ...request, model: 'oa:mock-gpt', messages: [{ role: 'user', content: 'WITHTHINKING TOOLCALL:get_weather:{"city":"Paris"}' }] })
  expect(first.content[0]).toMatchObject({ type: 'thinking', signature: '' })
  const call = first.content.find((block) => block.type === 'tool_use') as Anthropic.ToolUseBlock
  const second = await client.messages.create({
    ...request,
    model: 'an:mock-claude',
    messages: [
      { role: 'user', content: 'WITHTHINKING TOOLCALL:get_weather:{"city":"Paris"}' },
      { role: 'assistant', content: first.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '18°C' }] },
    ],
  })
  expect(second.content.at(-1)).toMatchObject({ type: 'text', text: 'Tool said: 18°C' })
  const upstream = JSON.stringify(setup.upstream('anthropic').requests.at(-1)!.body)
  expect(upstream).not.toContain('"signature":""')
})

test('unknown model: 404 in Anthropic shape', async () => {
  const error = await client.messages.create({ model: 'no-such-model', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(Anthropic.NotFoundError)
  expect((error as InstanceType<typeof Anthropic.NotFoundError>).error).toMatchObject({ type: 'error', error: { type: 'not_found_error' } })
})
