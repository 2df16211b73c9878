import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createRequestLogRepository, openDatabase, type RequestLog } from '../store'
import { startDeadLivePair, type DeadLivePair } from '../test-support/start-dead-live-pair'

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
