import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Database } from './database'
import { openDatabase } from './open-database'
import { createRequestLogRepository, requestLogFlushMs, type NewRequestLog } from './request-log-repository'

let directory: string
let db: Database
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omnillm-request-logs-'))
  db = openDatabase(join(directory, 'omnillm.db'))
})
afterEach(() => {
  db.close()
  rmSync(directory, { recursive: true, force: true })
})

function record(overrides: Partial<NewRequestLog>): NewRequestLog {
  return {
    requestId: 'abc123',
    method: 'POST',
    path: '/v1/chat/completions',
    status: 200,
    durationMs: 123.45,
    clientIp: '127.0.0.1',
    userAgent: 'curl/8',
    model: 'gpt-4o',
    ...overrides,
  }
}

test('insert then listRecent returns the full record, missing nullable fields as null', () => {
  const logs = createRequestLogRepository(db, { now: () => new Date('2025-05-05T05:05:05.000Z') })
  const attempts = [{ instanceId: 'dead', model: 'gpt-4o', status: 502, reason: 'connection refused' }]
  const id = logs.insert(record({ providerId: 'openai-main', inputTokens: 12, outputTokens: 34, attempts }))
  const minimal = logs.insert({ requestId: 'r2', method: 'GET', path: '/v1/models', status: 401, durationMs: 1 })
  expect(logs.listRecent({ limit: 10 })).toEqual([
    {
      id: minimal,
      requestId: 'r2',
      createdAt: '2025-05-05T05:05:05.000Z',
      method: 'GET',
      path: '/v1/models',
      status: 401,
      durationMs: 1,
      clientIp: null,
      userAgent: null,
      model: null,
      providerId: null,
      inputTokens: null,
      outputTokens: null,
      errorMessage: null,
      attempts: null,
    },
    {
      id,
      requestId: 'abc123',
      createdAt: '2025-05-05T05:05:05.000Z',
      method: 'POST',
      path: '/v1/chat/completions',
      status: 200,
      durationMs: 123.45,
      clientIp: '127.0.0.1',
      userAgent: 'curl/8',
      model: 'gpt-4o',
      providerId: 'openai-main',
      inputTokens: 12,
      outputTokens: 34,
      errorMessage: null,
      attempts,
    },
  ])
})

test('listRecent pages newest first with beforeId', () => {
  const logs = createRequestLogRepository(db)
  const ids = Array.from({ length: 5 }, (_, index) => logs.insert(record({ requestId: `r${index}` })))
  const firstPage = logs.listRecent({ limit: 2 })
  expect(firstPage.map((row) => row.requestId)).toEqual(['r4', 'r3'])
  const secondPage = logs.listRecent({ limit: 2, beforeId: firstPage.at(-1)?.id })
  expect(secondPage.map((row) => row.requestId)).toEqual(['r2', 'r1'])
  expect(logs.listRecent({ limit: 10, beforeId: ids[1] }).map((row) => row.requestId)).toEqual(['r0'])
  expect(() => logs.listRecent({ limit: 0 })).toThrow(RangeError)
})

test('count and pruneOlderThan', () => {
  const logs = createRequestLogRepository(db)
  logs.insert(record({ requestId: 'old', createdAt: new Date('2025-01-01T00:00:00.000Z') }))
  logs.insert(record({ requestId: 'edge', createdAt: new Date('2025-02-01T00:00:00.000Z') }))
  logs.insert(record({ requestId: 'new', createdAt: new Date('2025-03-01T00:00:00.000Z') }))
  expect(logs.count()).toBe(3)
  expect(logs.pruneOlderThan(new Date('2025-02-01T00:00:00.000Z'))).toBe(1)
  expect(logs.count()).toBe(2)
  expect(logs.listRecent({ limit: 10 }).map((row) => row.requestId)).toEqual(['new', 'edge'])
})

test('a fractional token count is refused by the strict table', () => {
  const logs = createRequestLogRepository(db)
  expect(() => logs.insert(record({ inputTokens: 1.5 }))).toThrow()
  expect(logs.count()).toBe(0)
})

const afterFlushWindow = () => new Promise((resolve) => setTimeout(resolve, requestLogFlushMs + 5))

test('insertSoon: the rows of a short window are written together; reads see them at once', async () => {
  const logs = createRequestLogRepository(db, { now: () => new Date('2025-05-05T05:05:05.000Z') })
  logs.insertSoon(record({ requestId: 'q1' }))
  logs.insertSoon(record({ requestId: 'q2' }))
  const otherConnection = createRequestLogRepository(db)
  expect(otherConnection.count()).toBe(0) // not written yet: another reader sees nothing
  expect(logs.listRecent({ limit: 10 }).map((row) => row.requestId)).toEqual(['q2', 'q1']) // its own reads write the queue first
  logs.insertSoon(record({ requestId: 'q3' }))
  await afterFlushWindow()
  expect(otherConnection.listRecent({ limit: 10 })).toEqual([
    expect.objectContaining({ requestId: 'q3', createdAt: '2025-05-05T05:05:05.000Z', method: 'POST', status: 200, userAgent: 'curl/8' }),
    expect.objectContaining({ requestId: 'q2' }),
    expect.objectContaining({ requestId: 'q1' }),
  ])
})

test('insertSoon: a failed batch goes to onError, never throws; closing the database writes the queue first', async () => {
  const logs = createRequestLogRepository(db)
  const errors: unknown[] = []
  logs.insertSoon(record({ requestId: 'bad', inputTokens: 1.5 }), (error) => errors.push(error))
  await afterFlushWindow()
  expect(errors).toHaveLength(1)
  expect(logs.count()).toBe(0)

  logs.insertSoon(record({ requestId: 'late' }), (error) => errors.push(error))
  db.close()
  await afterFlushWindow()
  expect(errors).toHaveLength(1)
  db = openDatabase(join(directory, 'omnillm.db'))
  expect(createRequestLogRepository(db).listRecent({ limit: 10 }).map((row) => row.requestId)).toEqual(['late']) // written by the close
})
