import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { StartupError } from '../errors/startup-error'
import { applyMigrations, assertSchemaNotNewer } from './apply-migrations'
import type { Database } from './database'
import { migrations } from './migrations'
import { setVerifiedPragma } from './set-verified-pragma'

const busyTimeoutMs = 5000

/**
 * Opens (or creates) the gateway's SQLite database, sets and verifies its pragmas and applies pending
 * migrations. A file that is not a healthy SQLite database, or was written by a newer OmniLLM, gives a
 * StartupError and is left byte-for-byte untouched: it is inspected over a read-only connection first.
 */
export function openDatabase(file: string): Database {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const inspected = isNonEmptyFile(file) && inspectReadOnly(file)
  const isNew = !existsSync(file)
  const db = connect(file, {})
  try {
    // Request logs name clients and models: only the owner reads a database we create.
    if (isNew) chmodSync(file, 0o600)
    setVerifiedPragma(db, 'busy_timeout', busyTimeoutMs, busyTimeoutMs)
    if (!inspected) inspect(db, file)
    setVerifiedPragma(db, 'journal_mode', 'WAL', 'wal')
    setVerifiedPragma(db, 'synchronous', 'NORMAL', 1)
    setVerifiedPragma(db, 'foreign_keys', 'ON', 1)
    applyMigrations(db, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Runs the checks over a read-only connection, so a bad file cannot be changed by looking at it. Returns
 * false when a read-only connection cannot tell (a crashed writer left a journal that needs a writer to
 * recover); the caller then checks over its own connection before writing anything.
 */
function inspectReadOnly(file: string): boolean {
  const db = connect(file, { readonly: true, fileMustExist: true })
  try {
    inspect(db, file)
    return true
  } catch (error) {
    if (sqliteCode(error)?.startsWith('SQLITE_READONLY')) return false
    throw error
  } finally {
    db.close()
  }
}

function inspect(db: Database, file: string): void {
  let problems: string[]
  try {
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>
    problems = rows.map((row) => row.quick_check).filter((result) => result !== 'ok')
  } catch (error) {
    const code = sqliteCode(error)
    if (code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT')) {
      throw new StartupError(`${file} is not a SQLite database or is corrupt (${messageOf(error)}); it was left untouched`, {
        cause: error,
      })
    }
    if (code?.startsWith('SQLITE_READONLY')) throw error
    throw new StartupError(`cannot read database ${file}: ${messageOf(error)}`, { cause: error })
  }
  if (problems.length > 0) {
    throw new StartupError(`${file} is corrupt (quick_check: ${problems[0]}); it was left untouched`)
  }
  assertSchemaNotNewer(db, migrations)
}

function connect(file: string, options: BetterSqlite3.Options): Database {
  try {
    return new BetterSqlite3(file, { ...options, timeout: busyTimeoutMs })
  } catch (error) {
    throw new StartupError(`cannot open database ${file}: ${messageOf(error)}`, { cause: error })
  }
}

function isNonEmptyFile(file: string): boolean {
  try {
    return statSync(file).size > 0
  } catch {
    return false
  }
}

function sqliteCode(error: unknown): string | undefined {
  return error instanceof BetterSqlite3.SqliteError ? error.code : undefined
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
