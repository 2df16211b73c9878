import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../test-support/start-test-host'

/**
 * Session affinity end to end: `sticky` is a round-robin virtual model over `aff-one` and `aff-two`, each
 * behind its own switchable front that forwards to one mock — or, while `failing`, answers a retryable 503.
 */
interface SwitchableFront {
  url: string
  failing: boolean
  close(): Promise<void>
}

async function startSwitchableFront(targetUrl: string): Promise<SwitchableFront> {
  const front = { url: '', failing: false, close: async () => undefined as void }
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      if (front.failing) {
        response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'down', type: 'server_error' } }))
        return
      }
      const path = request.url!.replace(/^\/v1/, '')
      void fetch(`${targetUrl}${path}`, { method: request.method, headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) }).then(async (upstream) => {
        response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(await upstream.text())
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  front.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`
  front.close = () => new Promise((resolve) => server.close(() => resolve()))
  return front
}

let mock: OpenAiChatMock
let fronts: Record<string, SwitchableFront>
let gateway: TestHost

beforeAll(async () => {
  mock = await startOpenAiChatMock()
  fronts = { 'aff-one': await startSwitchableFront(mock.url), 'aff-two': await startSwitchableFront(mock.url) }
  gateway = await startTestHost({
    config: {
      providers: Object.entries(fronts).map(([id, front]) => ({ id, type: 'openai-compatible', baseUrl: front.url, models: ['mock-gpt'] })),
      virtualModels: [{ id: 'sticky', strategy: 'round-robin', upstreams: Object.keys(fronts).map((provider) => ({ provider, model: 'mock-gpt' })) }],
    },
  })
})
afterAll(async () => {
  await gateway?.close()
  for (const front of Object.values(fronts ?? {})) await front.close()
  await mock?.close()
})

async function servedBy(session?: string): Promise<string> {
  const response = await fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json', ...(session ? { 'x-claude-code-session-id': session } : {}) },
    body: JSON.stringify({ model: 'sticky', messages: [{ role: 'user', content: 'hi' }] }),
  })
  expect(response.status).toBe(200)
  return response.headers.get('x-omnillm-provider')!
}
const other = (instanceId: string) => (instanceId === 'aff-one' ? 'aff-two' : 'aff-one')

test('without a session, round-robin alternates', async () => {
  const first = await servedBy()
  expect([await servedBy(), await servedBy(), await servedBy()]).toEqual([other(first), first, other(first)])
})

test('with a session, every request goes to the instance that served it first', async () => {
  const first = await servedBy('session-a')
  for (let request = 0; request < 4; request++) expect(await servedBy('session-a')).toBe(first)
  // Other requests still alternate meanwhile.
  const unsessioned = [await servedBy(), await servedBy()]
  expect(new Set(unsessioned).size).toBe(2)
})

test('when the remembered instance fails, the request fails over and the session moves', async () => {
  const first = await servedBy('session-b')
  fronts[first]!.failing = true
  try {
    expect(await servedBy('session-b')).toBe(other(first))
  } finally {
    fronts[first]!.failing = false
  }
  for (let request = 0; request < 3; request++) expect(await servedBy('session-b')).toBe(other(first))
  expect(gateway.consoleLines.join('')).toContain('candidate failed; trying the next one')
})
