import Anthropic from '@anthropic-ai/sdk'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../test-support/start-test-host'
import { closedPort } from '../test-support/closed-port'

/**
 * Virtual models end to end: `one` and `two` are openai-compatible instances on one mock, `dead` points at a
 * closed loopback port (a real refused connection). The mock's `ERROR:<status>` marker makes both live
 * instances fail alike, so the number of requests it records shows whether the gateway failed over.
 */
let mock: OpenAiChatMock
let gateway: TestHost

beforeAll(async () => {
  mock = await startOpenAiChatMock()
  const upstream = (provider: string, priority?: number) => ({ provider, model: 'mock-gpt', ...(priority === undefined ? {} : { priority }) })
  gateway = await startTestHost({
    config: {
      providers: [
        { id: 'dead', type: 'openai-compatible', baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, models: ['mock-gpt'] },
        { id: 'one', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'] },
        { id: 'two', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'] },
        { id: 'fb', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'], nonStreamingFallback: true },
        // Round-robin gets instances of its own: the failover tests open the circuit breaker of `one`.
        { id: 'rr-one', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'] },
        { id: 'rr-two', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'] },
      ],
      virtualModels: [
        { id: 'steady', strategy: 'priority', upstreams: [upstream('two', 1), upstream('dead', 0)] },
        { id: 'pair', strategy: 'priority', upstreams: [upstream('one'), upstream('two')] },
        { id: 'fallback-first', strategy: 'priority', upstreams: [upstream('fb'), upstream('two')] },
        { id: 'turns', strategy: 'round-robin', upstreams: [upstream('rr-one'), upstream('rr-two')] },
      ],
    },
  })
})
afterAll(async () => {
  await gateway?.close()
  await mock?.close()
})

const streamFlags = (from: number) => mock.requests.slice(from).map((request) => (request.body as { stream?: boolean }).stream === true)
const chatRequests = () => mock.requests.filter((request) => request.path.endsWith('/chat/completions')).length

function post(path: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify(body),
  })
}
const chat = (model: string, text: string, stream = false) => post('/v1/chat/completions', { model, stream, messages: [{ role: 'user', content: text }] })
const messages = (model: string, text: string, stream = false) => post('/v1/messages', { model, stream, max_tokens: 100, messages: [{ role: 'user', content: text }] })

describe('failover before the first byte', () => {
  test('a refused connection on the first candidate: the second serves, and the headers name it', async () => {
    const before = chatRequests()
    const response = await chat('steady', 'hi')
    expect(response.status).toBe(200)
    expect(response.headers.get('x-omnillm-provider')).toBe('two')
    expect(response.headers.get('x-omnillm-model')).toBe('mock-gpt')
    expect(((await response.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content).toBe('Hello from the mock upstream.')
    expect(chatRequests() - before).toBe(1)
    expect(gateway.consoleLines.join('')).toContain('candidate failed; trying the next one')
  })

  test("a candidate's own non-streaming fallback runs before the next candidate, and only when it has one", async () => {
    const withFallback = mock.requests.length
    const served = await messages('fallback-first', 'STREAM_FAILS', true)
    expect(served.status).toBe(200)
    expect(served.headers.get('x-omnillm-provider')).toBe('fb')
    expect(await served.text()).toContain('event: message_stop')
    expect(streamFlags(withFallback)).toEqual([true, false])

    // The fallback fails too (503): still nothing was sent, so `two` is tried next.
    const fallbackFails = mock.requests.length
    const overflow = await messages('fallback-first', 'ERROR:503', true)
    expect(overflow.status).toBe(503)
    expect(streamFlags(fallbackFails)).toEqual([true, false, true])

    // `one` and `two` have no fallback: the stream fails over to `two`, whose failure is the answer.
    const without = mock.requests.length
    const failed = await messages('pair', 'STREAM_FAILS', true)
    expect(failed.status).toBe(503)
    expect(streamFlags(without)).toEqual([true, true])
  })

  test('streaming, translated (Anthropic client): the stream fails over too', async () => {
    const response = await messages('steady', 'hi', true)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-omnillm-provider')).toBe('two')
    const text = await response.text()
    expect(text).toContain('"delta":{"type":"text_delta","text":"upstream."}')
    expect(text).toContain('event: message_stop')
  })

  test('streaming, passthrough (chat client): the stream fails over too', async () => {
    const response = await chat('steady', 'hi', true)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-omnillm-provider')).toBe('two')
    const text = await response.text()
    expect(text).toContain('"delta":{"content":"upstream."}')
    expect(text).toContain('"finish_reason":"stop"')
    expect(text).toContain('data: [DONE]')
  })

  test('a 400 goes back to the client at once, with no second attempt', async () => {
    const before = chatRequests()
    const response = await messages('pair', 'ERROR:400')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error')
    expect(chatRequests() - before).toBe(1)
  })

  test('a 503 fails over; when every candidate fails, the client gets the last one in its dialect', async () => {
    const before = chatRequests()
    const response = await messages('pair', 'ERROR:503')
    expect(response.status).toBe(503)
    expect(response.headers.get('x-omnillm-provider')).toBe('two')
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('overloaded_error')
    expect(chatRequests() - before).toBe(2)
  })

  test('a 429 fails over and the last Retry-After reaches the client', async () => {
    const before = chatRequests()
    const error = await new Anthropic({ baseURL: gateway.url, apiKey: gateway.apiKey, maxRetries: 0 }).messages
      .create({ model: 'pair', max_tokens: 100, messages: [{ role: 'user', content: 'ERROR:429' }] })
      .then(() => undefined, (caught: unknown) => caught)
    expect(error).toBeInstanceOf(Anthropic.RateLimitError)
    expect((error as InstanceType<typeof Anthropic.RateLimitError>).headers.get('retry-after')).toBe('7')
    expect(chatRequests() - before).toBe(2)
  })
})

test('round-robin alternates the instances across requests', async () => {
  const served: Array<string | null> = []
  for (let request = 0; request < 4; request++) {
    const response = await chat('turns', 'hi')
    expect(response.status).toBe(200)
    served.push(response.headers.get('x-omnillm-provider'))
  }
  expect(served).toEqual(['rr-one', 'rr-two', 'rr-one', 'rr-two'])
})

test('/v1/models lists the virtual model ids, owned by omnillm', async () => {
  const response = await fetch(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${gateway.apiKey}` } })
  const { data } = (await response.json()) as { data: Array<{ id: string; owned_by: string }> }
  expect(data.filter((model) => model.owned_by === 'omnillm').map((model) => model.id)).toEqual(['steady', 'pair', 'fallback-first', 'turns'])
  expect(data.map((model) => model.id)).toContain('two:mock-gpt')
})

test('a virtual model naming an unknown instance stops start-up, naming the path', async () => {
  const start = startTestHost({
    config: {
      providers: [{ id: 'one', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'] }],
      virtualModels: [{ id: 'v', strategy: 'random', upstreams: [{ provider: 'one', model: 'mock-gpt' }, { provider: 'ghost', model: 'mock-gpt' }] }],
    },
  })
  await expect(start).rejects.toThrow(/virtualModels\.0\.upstreams\.1\.provider: unknown provider instance "ghost" \(known: one\)/)
})

test('two virtual models with one id stop start-up, naming the second', async () => {
  const start = startTestHost({
    config: {
      providers: [{ id: 'one', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'] }],
      virtualModels: [
        { id: 'v', strategy: 'random', upstreams: [{ provider: 'one', model: 'mock-gpt' }] },
        { id: 'v', strategy: 'priority', upstreams: [{ provider: 'one', model: 'mock-gpt' }] },
      ],
    },
  })
  await expect(start).rejects.toThrow(/virtualModels\.1\.id: duplicate virtual model id "v"/)
})
