import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDeadLivePair, type DeadLivePair } from '../test-support/start-dead-live-pair'

/**
 * The circuit breaker end to end: `dead` (a closed loopback port, so every connection is refused) is the
 * first candidate of `guarded`, `live` (the mock) the second. The mock's `ERROR:503` marker shows the order
 * the gateway tried them in: the client gets the LAST candidate's failure, named by `x-omnillm-provider`.
 */
let pair: DeadLivePair

beforeAll(async () => {
  pair = await startDeadLivePair({ model: 'mock-gpt', virtualModel: 'guarded' })
})
afterAll(() => pair?.close())

const chat = (text: string) =>
  fetch(`${pair.gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pair.gateway.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'guarded', messages: [{ role: 'user', content: text }] }),
  })

test('after 3 refused connections the dead instance is tried last, and the change is logged', async () => {
  // Closed circuit: dead is tried first, refused, and `live` answers the 503 as the last candidate.
  const closed = await chat('ERROR:503')
  expect(closed.status).toBe(503)
  expect(closed.headers.get('x-omnillm-provider')).toBe('live')

  for (let request = 0; request < 2; request++) {
    const served = await chat('hi')
    expect(served.status).toBe(200)
    expect(served.headers.get('x-omnillm-provider')).toBe('live')
  }
  const log = () => pair.gateway.consoleLines.join('')
  expect(log()).toContain('circuit breaker: instance "dead" is open')
  expect(log()).toContain('3 consecutive retryable failures')

  // Open circuit: `live` goes first now; its 503 moves on to dead, whose refusal is the answer (502, named dead).
  const before = pair.mock.requests.length
  const open = await chat('ERROR:503')
  expect(open.headers.get('x-omnillm-provider')).toBe('dead')
  expect(open.status).toBe(502)
  expect(pair.mock.requests.length - before).toBe(1)

  // A healthy request goes straight to `live`: no attempt on dead, so no new failure is logged for it.
  const failuresBefore = log().split('candidate failed').length
  const served = await chat('hi')
  expect(served.status).toBe(200)
  expect(served.headers.get('x-omnillm-provider')).toBe('live')
  expect(log().split('candidate failed').length).toBe(failuresBefore)
})
