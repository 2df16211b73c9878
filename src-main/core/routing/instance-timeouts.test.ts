import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startAnthropicMessagesMock, type AnthropicMessagesMock } from '../test-support/mock-upstreams/anthropic-messages-mock'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../test-support/start-test-host'

/**
 * `firstByteTimeoutMs` and `idleTimeoutMs` on real sockets. `slow` and `stall` are openai-compatible
 * instances on the OpenAI mock with 300 ms limits; its `SLOW_FIRST_BYTE:<ms>` marker holds the headers back,
 * `STALL_AFTER_FIRST_CHUNK` goes silent after one chunk. `claude` (the Anthropic mock, which ignores those
 * markers) is the healthy second candidate. Timing bounds are generous on purpose.
 */
let openAi: OpenAiChatMock
let anthropic: AnthropicMessagesMock
let gateway: TestHost

beforeAll(async () => {
  openAi = await startOpenAiChatMock()
  anthropic = await startAnthropicMessagesMock()
  const limits = { firstByteTimeoutMs: 300, idleTimeoutMs: 300 }
  gateway = await startTestHost({
    config: {
      providers: [
        { id: 'slow', type: 'openai-compatible', baseUrl: openAi.url, models: ['mock-gpt'], ...limits },
        { id: 'stall', type: 'openai-compatible', baseUrl: openAi.url, models: ['mock-gpt'], ...limits },
        { id: 'claude', type: 'anthropic', baseUrl: anthropic.url, apiKey: 'sk-ant-test', models: ['claude-mock'] },
      ],
      virtualModels: [
        {
          id: 'patient',
          strategy: 'priority',
          upstreams: [
            { provider: 'slow', model: 'mock-gpt', priority: 0 },
            { provider: 'claude', model: 'claude-mock', priority: 1 },
          ],
        },
      ],
    },
  })
})
afterAll(async () => {
  await gateway?.close()
  await anthropic?.close()
  await openAi?.close()
})

function post(path: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify(body),
  })
}
const messages = (model: string, text: string, stream: boolean) => post('/v1/messages', { model, stream, max_tokens: 100, messages: [{ role: 'user', content: text }] })
const chat = (model: string, text: string, stream: boolean) => post('/v1/chat/completions', { model, stream, messages: [{ role: 'user', content: text }] })

describe('firstByteTimeoutMs', () => {
  test.each([false, true])('no headers in time: the call is aborted and the next candidate serves (stream: %s)', async (stream) => {
    const before = openAi.requests.length
    const started = Date.now()
    const response = await messages('patient', 'SLOW_FIRST_BYTE:5000', stream)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-omnillm-provider')).toBe('claude')
    await response.text()
    expect(Date.now() - started).toBeLessThan(4000)
    // The gateway hung up on the slow upstream: no socket is left waiting for it.
    const slowRequest = openAi.requests[before]!
    await expect.poll(() => slowRequest.clientClosed).toBe(true)
    const log = gateway.consoleLines.join('')
    expect(log).toContain('candidate failed; trying the next one')
    expect(log).toContain('sent no response headers within 300 ms (firstByteTimeoutMs)')
  })

  test('alone, the timeout reaches the client as a 504 naming the instance and the limit', async () => {
    const response = await chat('slow:mock-gpt', 'SLOW_FIRST_BYTE:5000', false)
    expect(response.status).toBe(504)
    const { error } = (await response.json()) as { error: { message: string; code: string } }
    expect(error.code).toBe('upstream_timeout')
    expect(error.message).toContain('provider "slow"')
    expect(error.message).toContain('300 ms (firstByteTimeoutMs)')
  })

  test('an answer that starts in time is not cut off', async () => {
    const response = await chat('slow:mock-gpt', 'SLOW_FIRST_BYTE:50', false)
    expect(response.status).toBe(200)
  })
})

describe('idleTimeoutMs', () => {
  test('translated (Anthropic client): a stream silent after its first chunk ends with the error event', async () => {
    const started = Date.now()
    const response = await messages('stall:mock-gpt', 'STALL_AFTER_FIRST_CHUNK', true)
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(Date.now() - started).toBeLessThan(8000)
    expect(text).toContain('event: error')
    expect(text).toContain('sent nothing for 300 ms (idleTimeoutMs)')
    expect(text).not.toContain('event: message_stop')
  })

  test('passthrough (chat client): the stream ends with an OpenAI error object and no [DONE]', async () => {
    const response = await chat('stall:mock-gpt', 'STALL_AFTER_FIRST_CHUNK', true)
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toContain('"choices"')
    expect(text).toMatch(/data: \{"error":\{"message":"The upstream of provider \\"stall\\" sent nothing for 300 ms \(idleTimeoutMs\)\./)
    expect(text).not.toContain('[DONE]')
  })

  test('a steady stream is not cut off', async () => {
    const response = await messages('stall:mock-gpt', 'SLOW_STREAM', true)
    expect(await response.text()).toContain('event: message_stop')
  })
})
