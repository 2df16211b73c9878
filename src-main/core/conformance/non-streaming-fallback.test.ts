import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startOpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../test-support/start-test-host'

/**
 * The per-instance non-streaming fallback: a stream that fails before its first byte is retried once
 * without streaming and re-streamed to the client as SSE in its own dialect. `fb` has it on, `nf` off,
 * both on one mock whose `STREAM_FAILS` marker refuses streaming with a 503.
 */
let mock: Awaited<ReturnType<typeof startOpenAiChatMock>>
let gateway: TestHost
let anthropic: Anthropic
let openai: OpenAI

beforeAll(async () => {
  mock = await startOpenAiChatMock()
  gateway = await startTestHost({
    config: {
      providers: [
        { id: 'fb', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'], nonStreamingFallback: true },
        { id: 'nf', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'] },
      ],
    },
  })
  anthropic = new Anthropic({ baseURL: gateway.url, apiKey: gateway.apiKey, maxRetries: 0 })
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gateway.apiKey, maxRetries: 0 })
})
afterAll(async () => {
  await gateway.close()
  await mock.close()
})

const streamFlags = (from: number) => mock.requests.slice(from).map((request) => (request.body as { stream?: boolean }).stream === true)

describe('fallback on', () => {
  test('Anthropic client: the stream fails, the non-streaming retry is re-streamed as Anthropic SSE', async () => {
    const before = mock.requests.length
    const message = await anthropic.messages.stream({ model: 'fb:mock-gpt', max_tokens: 100, messages: [{ role: 'user', content: 'STREAM_FAILS' }] }).finalMessage()
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'Hello from the mock upstream.' })])
    expect(message.stop_reason).toBe('end_turn')
    expect(streamFlags(before)).toEqual([true, false])
  })

  test('chat client (same dialect): the passthrough stream fails, the retry is re-streamed as chat chunks', async () => {
    const before = mock.requests.length
    const completion = await openai.chat.completions.stream({ model: 'fb:mock-gpt', messages: [{ role: 'user', content: 'STREAM_FAILS' }] }).finalChatCompletion()
    expect(completion.choices[0]!.message.content).toBe('Hello from the mock upstream.')
    expect(completion.choices[0]!.finish_reason).toBe('stop')
    expect(streamFlags(before)).toEqual([true, false])
  })

  test('Responses client: the retry ends with response.completed', async () => {
    const response = await openai.responses.stream({ model: 'fb:mock-gpt', input: 'STREAM_FAILS TOOLCALL:get_weather:{"city":"Oslo"}', tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false }] }).finalResponse()
    expect(response.status).toBe('completed')
    expect(response.output.find((item) => item.type === 'function_call')).toMatchObject({ name: 'get_weather', arguments: '{"city":"Oslo"}' })
  })

  test('a deterministic 4xx is not retried and keeps its status', async () => {
    const before = mock.requests.length
    const error = await anthropic.messages.create({ model: 'fb:mock-gpt', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'ERROR:400' }] }).then(() => undefined, (caught: unknown) => caught)
    expect(error).toBeInstanceOf(Anthropic.BadRequestError)
    expect(mock.requests.length - before).toBe(1)
  })

  test('when the retry fails too, the SSE stream ends with the dialect error event (never a JSON body)', async () => {
    const before = mock.requests.length
    const response = await fetch(`${gateway.url}/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fb:mock-gpt', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'ERROR:503' }] }),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const text = await response.text()
    expect(text).toContain('event: error')
    expect(text).toContain('"type":"overloaded_error"')
    expect(streamFlags(before)).toEqual([true, false])
  })
})

test('fallback off: the upstream 503 reaches the streaming client as a 503', async () => {
  const before = mock.requests.length
  const error = await anthropic.messages.create({ model: 'nf:mock-gpt', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'STREAM_FAILS' }] }).then(() => undefined, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(Anthropic.APIError)
  expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(503)
  expect(streamFlags(before)).toEqual([true])
})
