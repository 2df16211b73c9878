import OpenAI from 'openai'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDashScopeMock, type DashScopeMock } from '../../test-support/mock-upstreams/dashscope-mock'
import { startTestHost, type TestHost } from '../../test-support/start-test-host'

/** Through a real gateway: DashScope instances retry a stream that fails before its first byte once without streaming. */
let mock: DashScopeMock
let gateway: TestHost
let client: OpenAI
beforeAll(async () => {
  const apiKey = 'sk-dashscope-gateway-test'
  mock = await startDashScopeMock({ apiKey })
  gateway = await startTestHost({
    config: {
      settings: { shutdownTimeoutMs: 200 },
      providers: [
        { id: 'ds', type: 'dashscope', baseUrl: mock.url, apiKey },
        { id: 'nf', type: 'dashscope', baseUrl: mock.url, apiKey, nonStreamingFallback: false },
      ],
    },
  })
  client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gateway.apiKey, maxRetries: 0 })
})
afterAll(async () => {
  await gateway.close()
  await mock.close()
})

const streamFlags = (from: number) => mock.requests.slice(from).map((request) => (request.body as { stream?: boolean }).stream === true)

test('by default a failed stream is answered by one non-streaming retry, re-streamed to the client', async () => {
  const before = mock.requests.length
  const completion = await client.chat.completions.stream({ model: 'ds:qwen-plus', messages: [{ role: 'user', content: 'STREAM_FAILS' }] }).finalChatCompletion()
  expect(completion.choices[0]!.message.content).toBe('Hello from the mock upstream.')
  expect(streamFlags(before)).toEqual([true, false])
})

test('nonStreamingFallback: false in the entry turns it off', async () => {
  const before = mock.requests.length
  const error = await client.chat.completions.create({ model: 'nf:qwen-plus', stream: true, messages: [{ role: 'user', content: 'STREAM_FAILS' }] }).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(OpenAI.InternalServerError)
  expect(streamFlags(before)).toEqual([true])
})

test('a client leaving mid-stream closes the upstream request', async () => {
  const controller = new AbortController()
  const response = await fetch(`${gateway.url}/v1/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'ds:qwen-plus', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'SLOW_STREAM' }] }),
    signal: controller.signal,
  })
  expect(response.status).toBe(200)
  await response.body!.getReader().read()
  controller.abort()
  await expect.poll(() => mock.requests.at(-1)!.clientClosed, { timeout: 5_000 }).toBe(true)
})
