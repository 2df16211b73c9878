import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { StartupError } from '../errors/startup-error'
import { migrations } from './migrations'
import { openDatabase } from './open-database'

let directory: string
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omnillm-open-database-'))
})
afterEach(() => {
  rmSync(directory, { recursive: true, force: true })
})

const newestVersion = migrations.at(-1)?.version ?? 0

function tableNames(db: BetterSqlite3.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name)
}

function expectStartupError(run: () => unknown, ...fragments: string[]): void {
  let caught: unknown
  try {
    run()
  } catch (error) {
    caught = error
  }
  expect(StartupError.isInstance(caught), `expected a StartupError, got ${String(caught)}`).toBe(true)
  for (const fragment of fragments) expect((caught as Error).message).toContain(fragment)
}

describe('openDatabase', () => {
  test('creates the parent directory (0700) and a fully migrated database', () => {
    const file = join(directory, 'nested', 'data', 'omnillm.db')
    const db = openDatabase(file)
    try {
      expect(statSync(join(directory, 'nested', 'data')).mode & 0o777).toBe(0o700)
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(tableNames(db)).toEqual(
        expect.arrayContaining(['provider_instances', 'request_logs', 'schema_migrations', 'settings']),
      )
      expect(db.pragma('user_version', { simple: true })).toBe(newestVersion)
      const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()
      expect(recorded).toEqual(migrations.map(({ version, name }) => ({ version, name })))
      const indexes = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'request_logs'")
        .all()
        .map((row) => row.name)
      expect(indexes).toEqual(expect.arrayContaining(['request_logs_created_at', 'request_logs_model_created_at']))
    } finally {
      db.close()
    }
  })

  test('sets WAL, busy_timeout, foreign_keys and synchronous = NORMAL', () => {
    const db = openDatabase(join(directory, 'omnillm.db'))
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.pragma('synchronous', { simple: true })).toBe(1)
    } finally {
      db.close()
    }
  })

  test('reopening applies nothing twice', () => {
    const file = join(directory, 'omnillm.db')
    openDatabase(file).close()
    const db = openDatabase(file)
    try {
      expect(db.prepare('SELECT count(*) AS count FROM schema_migrations').get()).toEqual({ count: migrations.length })
    } finally {
      db.close()
    }
  })

  test('migrates a version-0 database and keeps what it held', () => {
    const file = join(directory, 'old.db')
    const old = new BetterSqlite3(file)
    old.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('kept')")
    old.close()

    const db = openDatabase(file)
    try {
      expect(db.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'kept' }])
      expect(db.pragma('user_version', { simple: true })).toBe(newestVersion)
      expect(tableNames(db)).toContain('provider_instances')
    } finally {
      db.close()
    }
  })

  test('refuses a database from a newer OmniLLM (user_version) and leaves it untouched', () => {
    const file = join(directory, 'newer.db')
    const newer = new BetterSqlite3(file)
    newer.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from the future')")
    newer.pragma(`user_version = ${newestVersion + 1}`)
    newer.close()
    const before = readFileSync(file)

    expectStartupError(() => openDatabase(file), file, 'newer OmniLLM', 'left untouched')
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  test('refuses a database whose schema_migrations is ahead, even when user_version is not', () => {
    const file = join(directory, 'newer.db')
    const newer = new BetterSqlite3(file)
    newer.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    newer.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(newestVersion + 5, 'future', '2030-01-01')
    newer.close()
    const before = readFileSync(file)

    expectStartupError(() => openDatabase(file), 'newer OmniLLM', `schema version ${newestVersion + 5}`)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  test('leaves a newer WAL database and its unmerged WAL file alone', () => {
    const file = join(directory, 'newer-wal.db')
    const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3')
    // A writer that dies without closing leaves its changes in the -wal file, not yet merged into the
    // database; a read-write connection closing it would merge them (and so rewrite the file).
    const writer = spawnSync(
      process.execPath,
      [
        '-e',
        `const Database = require(${JSON.stringify(sqlitePath)})
         const db = new Database(${JSON.stringify(file)})
         db.pragma('journal_mode = WAL')
         db.pragma('wal_autocheckpoint = 0')
         db.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('unmerged')")
         db.pragma('user_version = ${newestVersion + 1}')
         process.kill(process.pid, 'SIGKILL')`,
      ],
      { encoding: 'utf8' },
    )
    expect(writer.signal).toBe('SIGKILL')
    expect(existsSync(`${file}-wal`)).toBe(true)
    const before = readFileSync(file)
    const walBefore = readFileSync(`${file}-wal`)

    expectStartupError(() => openDatabase(file), 'newer OmniLLM')
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(readFileSync(`${file}-wal`).equals(walBefore)).toBe(true)
  })

  test('refuses a file that is not a SQLite database and leaves it untouched', () => {
    const file = join(directory, 'garbage.db')
    writeFileSync(file, Buffer.from('definitely not a database, just some bytes\n'.repeat(200)))
    const before = readFileSync(file)

    expectStartupError(() => openDatabase(file), file, 'not a SQLite database or is corrupt', 'left untouched')
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  test('refuses a database with damaged pages and leaves it untouched', () => {
    const file = join(directory, 'damaged.db')
    const healthy = new BetterSqlite3(file)
    healthy.exec('CREATE TABLE t (a INTEGER, b TEXT); CREATE INDEX t_b ON t (b)')
    const insert = healthy.prepare('INSERT INTO t VALUES (?, ?)')
    healthy.transaction(() => {
      for (let index = 0; index < 2000; index += 1) insert.run(index, `row ${index} `.repeat(5))
    })()
    healthy.close()
    const bytes = readFileSync(file)
    bytes.fill(0xab, 4096 * 3, 4096 * 3 + 3000) // scribble over the middle of the fourth page
    writeFileSync(file, bytes)

    expectStartupError(() => openDatabase(file), file, 'corrupt', 'left untouched')
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })
})
