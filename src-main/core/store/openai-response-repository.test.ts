import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Database } from './database'
import { openDatabase } from './open-database'
import { createOpenAiResponseRepository, type NewOpenAiResponse } from './openai-response-repository'

let directory: string
let db: Database
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omnillm-responses-'))
  db = openDatabase(join(directory, 'omnillm.db'))
})
afterEach(() => {
  db.close()
  rmSync(directory, { recursive: true, force: true })
})

function response(overrides: Partial<NewOpenAiResponse>): NewOpenAiResponse {
  return {
    id: 'resp_1',
    model: 'gpt-x',
    conversation: { system: [{ type: 'text', text: 'Rules.' }], messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] },
    output: [{ type: 'text', text: 'Hello' }],
    response: { id: 'resp_1', object: 'response', status: 'completed' },
    status: 'completed',
    items: [
      { id: 'msg_in', item: { type: 'message', id: 'msg_in', role: 'user', content: 'hi' } },
      { id: 'msg_out', item: { type: 'message', id: 'msg_out', role: 'assistant', content: [{ type: 'output_text', text: 'Hello' }] } },
    ],
    ...overrides,
  }
}

test('save then get returns the conversation, output and response object; items are found by id', () => {
  const responses = createOpenAiResponseRepository(db, { now: () => new Date('2025-06-01T00:00:00.000Z') })
  responses.save(response({}))
  expect(responses.get('resp_1')).toEqual({
    id: 'resp_1',
    createdAt: '2025-06-01T00:00:00.000Z',
    model: 'gpt-x',
    conversation: response({}).conversation,
    output: [{ type: 'text', text: 'Hello' }],
    response: { id: 'resp_1', object: 'response', status: 'completed' },
    status: 'completed',
  })
  expect(responses.findItem('msg_out')).toEqual(response({}).items[1]!.item)
  expect(responses.get('resp_missing')).toBeUndefined()
  expect(responses.findItem('msg_missing')).toBeUndefined()
})

test('an item id seen again points at the newest response', () => {
  const responses = createOpenAiResponseRepository(db)
  responses.save(response({}))
  responses.save(response({ id: 'resp_2', items: [{ id: 'msg_in', item: { type: 'message', id: 'msg_in', role: 'user', content: 'hi again' } }] }))
  expect(responses.findItem('msg_in')).toMatchObject({ content: 'hi again' })
  expect(db.prepare('SELECT response_id FROM response_items WHERE id = ?').get('msg_in')).toEqual({ response_id: 'resp_2' })
})

test('prune deletes old responses and, with them, their items', () => {
  const responses = createOpenAiResponseRepository(db)
  responses.save(response({ id: 'resp_old', createdAt: new Date('2025-01-01T00:00:00.000Z'), items: [{ id: 'msg_old', item: { id: 'msg_old' } }] }))
  responses.save(response({ id: 'resp_new', createdAt: new Date('2025-03-01T00:00:00.000Z'), items: [{ id: 'msg_new', item: { id: 'msg_new' } }] }))
  expect(responses.prune(new Date('2025-02-01T00:00:00.000Z'))).toBe(1)
  expect(responses.get('resp_old')).toBeUndefined()
  expect(responses.findItem('msg_old')).toBeUndefined()
  expect(responses.get('resp_new')).toBeDefined()
  expect(responses.findItem('msg_new')).toEqual({ id: 'msg_new' })
})

test('a save that fails half-way leaves nothing behind (one transaction)', () => {
  const responses = createOpenAiResponseRepository(db)
  const circular: Record<string, unknown> = {}
  circular.self = circular
  expect(() => responses.save(response({ id: 'resp_2', items: [{ id: 'msg_fine', item: {} }, { id: 'msg_bad', item: circular }] }))).toThrow(/circular/)
  expect(responses.get('resp_2')).toBeUndefined()
  expect(responses.findItem('msg_fine')).toBeUndefined()
})

test('stored responses survive closing and reopening the database', () => {
  createOpenAiResponseRepository(db).save(response({}))
  db.close()
  db = openDatabase(join(directory, 'omnillm.db'))
  expect(createOpenAiResponseRepository(db).get('resp_1')?.output).toEqual([{ type: 'text', text: 'Hello' }])
})
