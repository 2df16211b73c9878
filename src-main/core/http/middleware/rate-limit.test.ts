import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { rawRequest } from '../../test-support/raw-request'
import { startTestHost, type TestHost } from '../../test-support/start-test-host'

// An unknown model needs no upstream: the limiter runs before routing, so a granted request gets the 404.
const chatBody = JSON.stringify({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] })
const messagesBody = JSON.stringify({ model: 'no-such-model', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] })

function post(gateway: TestHost, path: string, body: string, headers: Record<string, string> = { authorization: `Bearer ${gateway.apiKey}` }) {
  return rawRequest(`${gateway.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body })
}

/** A request whose client hangs up before any answer; resolves once the socket is gone. */
function sendThenHangUp(gateway: TestHost, path: string, body: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const outgoing = request(`${gateway.url}${path}`, { method: 'POST', agent: false, headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' } })
    outgoing.on('error', () => {})
    outgoing.on('close', () => resolve())
    outgoing.end(body)
    setTimeout(() => outgoing.destroy(), afterMs)
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('rate limit without --wait: 429 in the caller dialect', () => {
  let gateway: TestHost
  beforeAll(async () => {
    gateway = await startTestHost({ flags: { rateLimitSeconds: 2 } })
  })
  afterAll(() => gateway.close())

  test('an unauthenticated request takes no slot; the 2nd immediate request is 429 with Retry-After', async () => {
    expect((await post(gateway, '/v1/messages', messagesBody, {})).status).toBe(401)
    const granted = await post(gateway, '/v1/messages', messagesBody)
    expect(granted.status).toBe(404)

    const openAi = await post(gateway, '/v1/chat/completions', chatBody)
    expect(openAi.status).toBe(429)
    expect(openAi.headers['retry-after']).toMatch(/^[12]$/)
    expect(JSON.parse(openAi.body)).toEqual({
      error: { message: expect.stringMatching(/one request every 2 s\); try again in [12] seconds?\.$/), type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' },
    })

    const anthropic = await post(gateway, '/v1/messages', messagesBody)
    expect(anthropic.status).toBe(429)
    expect(anthropic.headers['retry-after']).toMatch(/^[12]$/)
    expect(JSON.parse(anthropic.body)).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: expect.stringContaining('try again in') } })
  })

  test('count_tokens and /v1/models are exempt', async () => {
    await post(gateway, '/v1/chat/completions', chatBody) // whichever answer: the window is now taken
    const counted = await post(gateway, '/v1/messages/count_tokens', messagesBody)
    expect(counted.status).not.toBe(429)
    const models = await rawRequest(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${gateway.apiKey}` } })
    expect(models.status).toBe(200)
  })
})

describe('rate limit per minute', () => {
  let gateway: TestHost
  beforeAll(async () => {
    gateway = await startTestHost({ flags: { rateLimitRpm: 1 } })
  })
  afterAll(() => gateway.close())

  test('the 2nd request in the minute is 429 with about a minute to wait', async () => {
    expect((await post(gateway, '/v1/chat/completions', chatBody)).status).toBe(404)
    const refused = await post(gateway, '/v1/chat/completions', chatBody)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(55)
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60)
  })
})

describe('rate limit with --wait: queue instead of 429', () => {
  let gateway: TestHost
  beforeAll(async () => {
    gateway = await startTestHost({ flags: { rateLimitSeconds: 0.4, rateLimitWait: true, rateLimitQueueSize: 1 } })
  })
  afterAll(() => gateway.close())

  test('the 2nd request waits for the next window and then gets its answer; a full queue is 429', async () => {
    const first = await post(gateway, '/v1/chat/completions', chatBody)
    const firstDone = Date.now()
    const secondPending = post(gateway, '/v1/messages', messagesBody)
    await sleep(50)
    const overflow = await post(gateway, '/v1/chat/completions', chatBody)
    const second = await secondPending
    expect(first.status).toBe(404)
    expect(overflow.status).toBe(429)
    expect(JSON.parse(overflow.body).error.message).toContain('wait queue is full')
    expect(second.status).toBe(404)
    expect(JSON.parse(second.body)).toMatchObject({ type: 'error', error: { type: 'not_found_error' } })
    expect(Date.now() - firstDone).toBeGreaterThanOrEqual(200)
  })

  test('a client that hangs up while queued leaves the queue: the next request takes its place', async () => {
    await sleep(450) // a fresh window
    expect((await post(gateway, '/v1/chat/completions', chatBody)).status).toBe(404)
    await sendThenHangUp(gateway, '/v1/chat/completions', chatBody, 50)
    await sleep(50)
    // The queue holds one: had the hung-up request stayed, this one would be refused as queue_full.
    const third = await post(gateway, '/v1/chat/completions', chatBody)
    expect(third.status).toBe(404)
  })
})
