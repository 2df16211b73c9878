import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { StartupError } from '../errors/startup-error'
import { applyMigrations } from './apply-migrations'
import type { Database } from './database'
import type { Migration } from './migration'
import { readSchemaVersion } from './read-schema-version'

let directory: string
let db: Database
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omnillm-migrations-'))
  db = new BetterSqlite3(join(directory, 'test.db'))
})
afterEach(() => {
  db.close()
  rmSync(directory, { recursive: true, force: true })
})

const createPeople: Migration = {
  version: 1,
  name: 'create-people',
  up: (target) => target.exec('CREATE TABLE people (name TEXT NOT NULL)'),
}
const addAge: Migration = {
  version: 2,
  name: 'add-age',
  up: (target) => target.exec('ALTER TABLE people ADD COLUMN age INTEGER'),
}

function failing(version: number): Migration {
  return {
    version,
    name: 'half-done',
    up(target) {
      target.exec('CREATE TABLE half_done (x TEXT)')
      throw new Error('boom')
    },
  }
}

function hasTable(name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
}

describe('applyMigrations', () => {
  test('applies every migration to a fresh database and records each one', () => {
    expect(applyMigrations(db, [createPeople, addAge])).toEqual([1, 2])
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'create-people' },
      { version: 2, name: 'add-age' },
    ])
    db.prepare('INSERT INTO people (name, age) VALUES (?, ?)').run('Ada', 36)
  })

  test('applies only what an older schema lacks and keeps its data', () => {
    applyMigrations(db, [createPeople])
    db.prepare('INSERT INTO people (name) VALUES (?)').run('Grace')

    expect(applyMigrations(db, [createPeople, addAge])).toEqual([2])
    expect(db.prepare('SELECT name, age FROM people').all()).toEqual([{ name: 'Grace', age: null }])
    expect(applyMigrations(db, [createPeople, addAge])).toEqual([])
  })

  test('a failing migration rolls back completely and leaves the version where it was', () => {
    applyMigrations(db, [createPeople])

    expect(() => applyMigrations(db, [createPeople, failing(2)])).toThrow(StartupError)
    expect(hasTable('half_done')).toBe(false)
    expect(readSchemaVersion(db)).toBe(1)
    expect(db.prepare('SELECT max(version) AS version FROM schema_migrations').get()).toEqual({ version: 1 })
  })

  test('a failing first migration leaves no trace, not even the migrations table', () => {
    let message = ''
    try {
      applyMigrations(db, [failing(1)])
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('migration 1 (half-done) failed')
    expect(message).toContain('boom')
    expect(message).toContain('left at schema version 0')
    expect(hasTable('half_done')).toBe(false)
    expect(hasTable('schema_migrations')).toBe(false)
    expect(db.pragma('user_version', { simple: true })).toBe(0)
  })

  test('earlier migrations of the same run stay applied when a later one fails', () => {
    expect(() => applyMigrations(db, [createPeople, failing(2)])).toThrow(/left at schema version 1/)
    expect(hasTable('people')).toBe(true)
    expect(readSchemaVersion(db)).toBe(1)
  })

  test('an asynchronous migration is refused and rolled back', () => {
    const asynchronous = {
      version: 1,
      name: 'asynchronous',
      up: async (target: Database) => target.exec('CREATE TABLE too_late (x TEXT)'),
    } as unknown as Migration
    expect(() => applyMigrations(db, [asynchronous])).toThrow(/must be synchronous/)
    expect(hasTable('too_late')).toBe(false)
  })

  test('refuses a database newer than the list', () => {
    applyMigrations(db, [createPeople, addAge])
    expect(() => applyMigrations(db, [createPeople])).toThrow(/newer OmniLLM/)
  })

  test('refuses a list with gaps or out of order', () => {
    expect(() => applyMigrations(db, [addAge])).toThrow(/version 2; expected 1/)
    expect(() => applyMigrations(db, [createPeople, createPeople])).toThrow(/version 1; expected 2/)
  })
})
