import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { UpstreamError } from '../errors/upstream-error'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../test-support/start-test-host'
import { createCircuitBreaker } from './create-circuit-breaker'
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from './parse-retry-after'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-01T12:00:00Z')
  test('delay-seconds, fractions, HTTP dates; nothing for garbage or the past; capped', () => {
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500)
    expect(parseRetryAfter('Tue, 01 Dec 2026 12:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Tue, 01 Dec 2026 11:59:00 GMT', now)).toBeUndefined()
    expect(parseRetryAfter('0', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS)
  })
})

describe('circuit breaker: Retry-After rests an instance', () => {
  test('unavailable until the time it named, without opening the circuit', () => {
    let time = 0
    const breaker = createCircuitBreaker({ logger: pino({ level: 'silent' }), now: () => time })
    breaker.recordFailure('a', new UpstreamError({ instanceId: 'a', status: 429, message: 'slow down', retryAfter: '2' }))
    expect(breaker.isAvailable('a')).toBe(false)
    expect(breaker.state('a')).toBe('closed')
    time = 1999
    expect(breaker.isAvailable('a')).toBe(false)
    time = 2000
    expect(breaker.isAvailable('a')).toBe(true)
    // A non-retryable error's Retry-After (a 400 would not carry one for failover) does not rest it.
    breaker.recordFailure('b', new UpstreamError({ instanceId: 'b', status: 400, message: 'bad', retryAfter: '5' }))
    expect(breaker.isAvailable('b')).toBe(true)
  })
})

describe('Retry-After between candidates, end to end', () => {
  let first: OpenAiChatMock
  let second: OpenAiChatMock
  let gateway: TestHost
  beforeAll(async () => {
    first = await startOpenAiChatMock()
    second = await startOpenAiChatMock()
    gateway = await startTestHost({
      config: {
        providers: [
          { id: 'first', type: 'openai-compatible', baseUrl: first.url, models: ['gpt-4o', 'only-first'] },
          { id: 'second', type: 'openai-compatible', baseUrl: second.url, models: ['gpt-4o'] },
        ],
        virtualModels: [{ id: 'pair', strategy: 'priority', upstreams: [{ provider: 'first', model: 'gpt-4o' }, { provider: 'second', model: 'gpt-4o' }] }],
      },
    })
  })
  afterAll(async () => {
    await gateway.close()
    await first.close()
    await second.close()
  })

  const chat = (model: string, content: string) =>
    fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
    })
  const calls = (mock: OpenAiChatMock) => mock.requests.filter((recorded) => recorded.path.endsWith('/chat/completions')).length

  test('after a 429 with Retry-After the instance is tried after every other candidate until the time it named', async () => {
    // The mock's ERROR:429 answers `retry-after: 7`; the client gets it as it is.
    const limited = await chat('first:only-first', 'ERROR:429')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(calls(first)).toBe(1)

    // `pair` would try `first` first; it is resting, so `second` serves without a call to `first`.
    const served = await chat('pair', 'hi')
    expect(served.status).toBe(200)
    expect(served.headers.get('x-omnillm-provider')).toBe('second')
    expect(calls(first)).toBe(1)

    // A route with no other candidate still goes to `first` (a resting instance is tried last, never refused):
    // the upstream's own 429 and Retry-After reach the client, which is the one to wait.
    const alone = await chat('first:only-first', 'hi')
    expect(alone.status).toBe(200)
    expect(calls(first)).toBe(2)
    expect(gateway.consoleLines.join('')).toContain('asked to wait 7 s (Retry-After)')
  })
})
