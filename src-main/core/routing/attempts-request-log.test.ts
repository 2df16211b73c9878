import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createRequestLogRepository, openDatabase, type RequestLog } from '../store'
import { startOpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startDeadLivePair, type DeadLivePair } from '../test-support/start-dead-live-pair'
import { startTestHost } from '../test-support/start-test-host'

// Failover in the request log: the row names the instance that served and every attempt that failed first.
let pair: DeadLivePair

beforeAll(async () => {
  pair = await startDeadLivePair({ model: 'mock-gpt', virtualModel: 'guarded' })
})
afterAll(() => pair?.close())

async function chat(model: string): Promise<string> {
  const response = await fetch(`${pair.gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pair.gateway.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  })
  expect(response.status).toBe(200)
  return response.headers.get('x-request-id')!
}

/** The request's row, once its commit batch is in (at most 10 ms after the answer). */
async function rowOf(requestId: string): Promise<RequestLog> {
  const database = openDatabase(join(pair.gateway.dataDir, 'omnillm.db'))
  try {
    const find = () => createRequestLogRepository(database).listRecent({ limit: 50 }).find((row) => row.requestId === requestId)
    await expect.poll(find, { timeout: 2000 }).toBeDefined()
    return find()!
  } finally {
    database.close()
  }
}

test('a request that failed over: the serving instance, and the refused attempt with its status and reason', async () => {
  const row = await rowOf(await chat('guarded'))
  expect(row).toMatchObject({ status: 200, model: 'guarded', providerId: 'live' })
  expect(row.attempts).toEqual([{ instanceId: 'dead', model: 'mock-gpt', status: 502, reason: expect.stringContaining('dead') }])
})

test('a request the first candidate served has no attempts', async () => {
  const row = await rowOf(await chat('live:mock-gpt'))
  expect(row).toMatchObject({ providerId: 'live', attempts: null })
})

test('a reason that quotes a provider key is stored scrubbed', async () => {
  const key = 'sk-echoed-canary-0123456789'
  // An upstream that, like some self-hosted servers, quotes the key it was sent in its error message.
  const echo = createServer((request, response) => {
    response.writeHead(503, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ error: { message: `overloaded; key ${request.headers.authorization?.slice(7)} is busy`, type: 'server_error' } }))
  })
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
  const mock = await startOpenAiChatMock()
  const gateway = await startTestHost({
    config: {
      providers: [
        { id: 'echo', type: 'openai-compatible', baseUrl: `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`, apiKey: key, models: ['mock-gpt'] },
        { id: 'live', type: 'openai-compatible', baseUrl: mock.url, models: ['mock-gpt'] },
      ],
      virtualModels: [{ id: 'pair', strategy: 'priority', upstreams: [{ provider: 'echo', model: 'mock-gpt' }, { provider: 'live', model: 'mock-gpt' }] }],
    },
  })
  try {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'pair', messages: [{ role: 'user', content: 'hi' }] }),
    })
    expect(response.status).toBe(200)
    const database = openDatabase(join(gateway.dataDir, 'omnillm.db'))
    try {
      const find = () => createRequestLogRepository(database).listRecent({ limit: 5 }).find((row) => row.requestId === response.headers.get('x-request-id'))
      await expect.poll(find, { timeout: 2000 }).toBeDefined()
      const [attempt] = find()!.attempts!
      expect(attempt).toMatchObject({ instanceId: 'echo', status: 503, reason: expect.stringContaining('[REDACTED]') })
      expect(attempt!.reason).not.toContain(key)
    } finally {
      database.close()
    }
  } finally {
    await gateway.close()
    await mock.close()
    echo.close()
  }
})
