import { afterAll, beforeAll, expect, test } from 'vitest'
import { closedPort } from '../test-support/closed-port'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../test-support/start-test-host'

// The breaker's settings come from the config file: one failure opens the circuit here (default 3).
let mock: OpenAiChatMock
let gateway: TestHost

beforeAll(async () => {
  mock = await startOpenAiChatMock()
  gateway = await startTestHost({
    config: {
      settings: { circuitBreakerThreshold: 1, circuitBreakerCoolingSeconds: 600 },
      providers: [
        { id: 'dead', type: 'openai-compatible', baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, models: ['mock-gpt'] },
        { id: 'one', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'] },
      ],
      virtualModels: [{ id: 'guarded', strategy: 'priority', upstreams: [{ provider: 'dead', model: 'mock-gpt' }, { provider: 'one', model: 'mock-gpt' }] }],
    },
  })
})
afterAll(async () => {
  await gateway?.close()
  await mock?.close()
})

test('circuitBreakerThreshold: 1 opens the circuit after the first refused connection', async () => {
  const chat = () =>
    fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'guarded', messages: [{ role: 'user', content: 'hi' }] }),
    })
  expect((await chat()).headers.get('x-omnillm-provider')).toBe('one')
  expect(gateway.consoleLines.join('')).toContain('1 consecutive retryable failures')
  const failures = gateway.consoleLines.join('').split('candidate failed').length
  expect((await chat()).headers.get('x-omnillm-provider')).toBe('one')
  // With the circuit open (cooling 600 s) dead is not tried first any more: no new failure.
  expect(gateway.consoleLines.join('').split('candidate failed').length).toBe(failures)
})
