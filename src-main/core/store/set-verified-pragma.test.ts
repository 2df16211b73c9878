import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { StartupError } from '../errors/startup-error'
import type { Database } from './database'
import { setVerifiedPragma } from './set-verified-pragma'

let directory: string
let db: Database
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omnillm-pragma-'))
  db = new BetterSqlite3(join(directory, 'test.db'))
})
afterEach(() => {
  db.close()
  rmSync(directory, { recursive: true, force: true })
})

test('sets a pragma that takes effect', () => {
  setVerifiedPragma(db, 'foreign_keys', 'ON', 1)
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
})

test('throws when SQLite silently ignores the pragma', () => {
  // An in-memory database accepts `journal_mode = WAL` without an error and stays in 'memory' mode.
  const memory = new BetterSqlite3(':memory:')
  try {
    expect(() => setVerifiedPragma(memory, 'journal_mode', 'WAL', 'wal')).toThrow(StartupError)
    expect(() => setVerifiedPragma(memory, 'journal_mode', 'WAL', 'wal')).toThrow(/reads back as memory instead of wal/)
  } finally {
    memory.close()
  }
})
