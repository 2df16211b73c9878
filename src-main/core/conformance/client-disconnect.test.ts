import { afterAll, beforeAll, expect, test } from 'vitest'
import { hasUpstreams, startConformanceGateway, type ConformanceGateway } from '../test-support/start-conformance-gateway'

/** One AbortSignal runs from the client socket to the upstream call: a client that leaves cancels the upstream. */
let setup: ConformanceGateway
beforeAll(async () => {
  setup = await startConformanceGateway()
})
afterAll(() => setup.close())

const cases = [
  { label: 'chat client → openai-compatible (passthrough)', path: '/v1/chat/completions', body: { model: 'oa:mock-gpt', stream: true, messages: [{ role: 'user', content: 'SLOW_STREAM' }] }, upstream: 'openai-compatible' },
  { label: 'Anthropic client → openai-compatible (translated)', path: '/v1/messages', body: { model: 'oa:mock-gpt', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'SLOW_STREAM' }] }, upstream: 'openai-compatible' },
  { label: 'Responses client → anthropic (translated)', path: '/v1/responses', body: { model: 'an:mock-claude', stream: true, input: 'SLOW_STREAM' }, upstream: 'anthropic' },
  { label: 'Anthropic client → anthropic (passthrough)', path: '/v1/messages', body: { model: 'an:mock-claude', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'SLOW_STREAM' }] }, upstream: 'anthropic' },
] as const

const activeCases = cases.filter((testCase) => hasUpstreams(testCase.upstream))
if (activeCases.length === 0) test.skip('needs the openai-compatible or anthropic upstream, which this narrowed run leaves out', () => {})

test.each(activeCases)('$label: aborting mid-stream closes the upstream request', async ({ path, body, upstream }) => {
  const controller = new AbortController()
  const response = await fetch(`${setup.gateway.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${setup.gateway.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: controller.signal,
  })
  expect(response.status).toBe(200)
  await response.body!.getReader().read()
  controller.abort()

  const closed = () => {
    const last = setup.upstream(upstream).requests.at(-1) as { clientClosed?: boolean; aborted?: boolean }
    return last.clientClosed ?? last.aborted
  }
  await expect.poll(closed, { timeout: 5_000 }).toBe(true)
})
