import { afterAll, beforeAll, expect, test } from 'vitest'
import { startKimiMock, type KimiMock } from '../../test-support/mock-upstreams/kimi-mock'
import { startTestHost, type TestHost } from '../../test-support/start-test-host'

/** Through a real gateway: which Kimi endpoint each client surface reaches. */
let mock: KimiMock
let gateway: TestHost
beforeAll(async () => {
  const apiKey = 'sk-kimi-gateway-test'
  mock = await startKimiMock({ apiKey })
  gateway = await startTestHost({ config: { settings: { shutdownTimeoutMs: 200 }, providers: [{ id: 'ki', type: 'kimi', baseUrl: mock.url, apiKey }] } })
})
afterAll(async () => {
  await gateway.close()
  await mock.close()
})

const post = (path: string, body: unknown) =>
  fetch(`${gateway.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })

test('an Anthropic client is forwarded as it is to the Anthropic-compatible endpoint', async () => {
  const body = { model: 'ki:kimi-k2.6', max_tokens: 64, temperature: 0.3, messages: [{ role: 'user', content: 'hi' }] }
  const response = await post('/v1/messages', body)
  expect(response.status).toBe(200)
  expect(mock.requests.at(-1)).toMatchObject({ path: '/anthropic/v1/messages', body: { ...body, model: 'kimi-k2.6' } })
})

test("a chat client is translated, so Kimi's rules apply (a temperature kimi-k2.6 pins is left out instead of refused)", async () => {
  const response = await post('/v1/chat/completions', { model: 'ki:kimi-k2.6', temperature: 0.7, messages: [{ role: 'user', content: 'hi' }] })
  expect(response.status).toBe(200)
  expect(((await response.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content).toBe('Hello from the mock upstream.')
  expect(mock.requests.at(-1)!.path).toBe('/v1/chat/completions')
  expect(mock.requests.at(-1)!.body).not.toHaveProperty('temperature')
})

test("count_tokens for an Anthropic client uses Moonshot's estimate", async () => {
  const response = await post('/v1/messages/count_tokens', { model: 'ki:kimi-k2.6', messages: [{ role: 'user', content: 'How many?' }] })
  expect(response.headers.get('x-omnillm-token-estimate')).toBe('false')
  expect(((await response.json()) as { input_tokens: number }).input_tokens).toBeGreaterThan(0)
  expect(mock.requests.at(-1)!.path).toBe('/v1/tokenizers/estimate-token-count')
})

test.each([
  ['a chat client (translated)', '/v1/chat/completions', { model: 'ki:kimi-k2.6', stream: true, messages: [{ role: 'user', content: 'SLOW_STREAM' }] }],
  ['an Anthropic client (forwarded)', '/v1/messages', { model: 'ki:kimi-k2.6', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'SLOW_STREAM' }] }],
])('%s leaving mid-stream closes the upstream request', async (_label, path, body) => {
  const controller = new AbortController()
  const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: controller.signal })
  expect(response.status).toBe(200)
  await response.body!.getReader().read()
  controller.abort()
  await expect.poll(() => mock.requests.at(-1)!.clientClosed, { timeout: 5_000 }).toBe(true)
})
