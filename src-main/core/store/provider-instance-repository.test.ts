import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Database } from './database'
import { openDatabase } from './open-database'
import { createProviderInstanceRepository, type ProviderInstanceInput } from './provider-instance-repository'

let directory: string
let db: Database
let now: Date
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omnillm-providers-'))
  db = openDatabase(join(directory, 'omnillm.db'))
  now = new Date('2025-01-01T00:00:00.000Z')
})
afterEach(() => {
  db.close()
  rmSync(directory, { recursive: true, force: true })
})

function instance(overrides: Partial<ProviderInstanceInput>): ProviderInstanceInput {
  return {
    id: 'openai-main',
    type: 'openai',
    name: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    priority: 10,
    enabled: true,
    config: { timeoutMs: 30_000, headers: { 'x-team': 'core' } },
    secretRef: 'provider:openai-main:apiKey',
    ...overrides,
  }
}

test('upsert then get returns the same instance with timestamps', () => {
  const repository = createProviderInstanceRepository(db, { now: () => now })
  const stored = repository.upsert(instance({}))
  expect(stored).toEqual({ ...instance({}), createdAt: now.toISOString(), updatedAt: now.toISOString() })
  expect(repository.get('openai-main')).toEqual(stored)
  expect(repository.get('missing')).toBeUndefined()
})

test('a second upsert replaces the fields but keeps createdAt', () => {
  const repository = createProviderInstanceRepository(db, { now: () => now })
  repository.upsert(instance({}))
  now = new Date('2025-02-01T00:00:00.000Z')
  const updated = repository.upsert(instance({ name: 'OpenAI (work)', enabled: false, secretRef: null, config: {} }))
  expect(updated).toMatchObject({
    name: 'OpenAI (work)',
    enabled: false,
    secretRef: null,
    config: {},
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-02-01T00:00:00.000Z',
  })
  expect(repository.list()).toHaveLength(1)
})

test('list orders by priority, then id', () => {
  const repository = createProviderInstanceRepository(db)
  repository.upsert(instance({ id: 'c', priority: 1 }))
  repository.upsert(instance({ id: 'b', priority: 2 }))
  repository.upsert(instance({ id: 'a', priority: 2 }))
  repository.upsert(instance({ id: 'd', priority: 0 }))
  expect(repository.list().map((row) => row.id)).toEqual(['d', 'c', 'a', 'b'])
})

test('setEnabled and delete report whether the instance existed', () => {
  const repository = createProviderInstanceRepository(db, { now: () => now })
  repository.upsert(instance({}))
  now = new Date('2025-03-01T00:00:00.000Z')
  expect(repository.setEnabled('openai-main', false)).toBe(true)
  expect(repository.get('openai-main')).toMatchObject({ enabled: false, updatedAt: now.toISOString() })
  expect(repository.setEnabled('missing', true)).toBe(false)
  expect(repository.delete('openai-main')).toBe(true)
  expect(repository.delete('openai-main')).toBe(false)
  expect(repository.list()).toEqual([])
})

test('rows survive closing and reopening the database', () => {
  createProviderInstanceRepository(db).upsert(instance({}))
  db.close()
  db = openDatabase(join(directory, 'omnillm.db'))
  expect(createProviderInstanceRepository(db).get('openai-main')?.config).toEqual(instance({}).config)
})
