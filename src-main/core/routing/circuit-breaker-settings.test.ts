import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDeadLivePair, type DeadLivePair } from '../test-support/start-dead-live-pair'

// The breaker's settings come from the config file: one failure opens the circuit here (default 3).
let pair: DeadLivePair

beforeAll(async () => {
  pair = await startDeadLivePair({ model: 'mock-gpt', virtualModel: 'guarded', settings: { circuitBreakerThreshold: 1, circuitBreakerCoolingSeconds: 600 } })
})
afterAll(() => pair?.close())

test('circuitBreakerThreshold: 1 opens the circuit after the first refused connection', async () => {
  const chat = () =>
    fetch(`${pair.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pair.gateway.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'guarded', messages: [{ role: 'user', content: 'hi' }] }),
    })
  expect((await chat()).headers.get('x-omnillm-provider')).toBe('live')
  expect(pair.gateway.consoleLines.join('')).toContain('1 consecutive retryable failures')
  const failures = pair.gateway.consoleLines.join('').split('candidate failed').length
  expect((await chat()).headers.get('x-omnillm-provider')).toBe('live')
  // With the circuit open (cooling 600 s) dead is not tried first any more: no new failure.
  expect(pair.gateway.consoleLines.join('').split('candidate failed').length).toBe(failures)
})
