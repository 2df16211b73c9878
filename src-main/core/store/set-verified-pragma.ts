import { StartupError } from '../errors/startup-error'
import type { Database } from './database'

/**
 * Sets a pragma and reads it back. SQLite ignores some pragmas without an error (inside a transaction,
 * on a file system without shared memory for WAL…), so a setting is only trusted once it reads back.
 */
export function setVerifiedPragma(db: Database, name: string, value: string | number, expected: string | number): void {
  db.pragma(`${name} = ${value}`)
  const actual = db.pragma(name, { simple: true })
  if (actual !== expected) {
    throw new StartupError(
      `cannot set PRAGMA ${name} = ${value} on ${db.name}: it reads back as ${String(actual)} instead of ${expected}`,
    )
  }
}
