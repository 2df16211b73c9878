import { afterAll, beforeAll, expect, test } from 'vitest'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../test-support/start-test-host'
import { closedPort } from '../test-support/closed-port'

/**
 * The circuit breaker end to end: `dead` (a closed loopback port, so every connection is refused) is the
 * first candidate of `guarded`, `one` (the mock) the second. The mock's `ERROR:503` marker shows the order
 * the gateway tried them in: the client gets the LAST candidate's failure, named by `x-omnillm-provider`.
 */
let mock: OpenAiChatMock
let gateway: TestHost

beforeAll(async () => {
  mock = await startOpenAiChatMock()
  gateway = await startTestHost({
    config: {
      providers: [
        { id: 'dead', type: 'openai-compatible', baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, models: ['mock-gpt'] },
        { id: 'one', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'] },
      ],
      virtualModels: [
        {
          id: 'guarded',
          strategy: 'priority',
          upstreams: [
            { provider: 'dead', model: 'mock-gpt', priority: 0 },
            { provider: 'one', model: 'mock-gpt', priority: 1 },
          ],
        },
      ],
    },
  })
})
afterAll(async () => {
  await gateway?.close()
  await mock?.close()
})

const chat = (text: string) =>
  fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'guarded', messages: [{ role: 'user', content: text }] }),
  })

test('after 3 refused connections the dead instance is tried last, and the change is logged', async () => {
  // Closed circuit: dead is tried first, refused, and `one` answers the 503 as the last candidate.
  const closed = await chat('ERROR:503')
  expect(closed.status).toBe(503)
  expect(closed.headers.get('x-omnillm-provider')).toBe('one')

  for (let request = 0; request < 2; request++) {
    const served = await chat('hi')
    expect(served.status).toBe(200)
    expect(served.headers.get('x-omnillm-provider')).toBe('one')
  }
  const log = () => gateway.consoleLines.join('')
  expect(log()).toContain('circuit breaker: instance "dead" is open')
  expect(log()).toContain('3 consecutive retryable failures')

  // Open circuit: `one` goes first now; its 503 moves on to dead, whose refusal is the answer (502, named dead).
  const before = mock.requests.length
  const open = await chat('ERROR:503')
  expect(open.headers.get('x-omnillm-provider')).toBe('dead')
  expect(open.status).toBe(502)
  expect(mock.requests.length - before).toBe(1)

  // A healthy request goes straight to `one`: no attempt on dead, so no new failure is logged for it.
  const failuresBefore = log().split('candidate failed').length
  const served = await chat('hi')
  expect(served.status).toBe(200)
  expect(served.headers.get('x-omnillm-provider')).toBe('one')
  expect(log().split('candidate failed').length).toBe(failuresBefore)
})
