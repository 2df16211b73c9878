import type { Database } from './database'

/**
 * The schema version a database is at: the higher of `PRAGMA user_version` and the newest row in
 * `schema_migrations`, so a database that disagrees with itself is never taken for older than it is.
 * Only reads.
 */
export function readSchemaVersion(db: Database): number {
  const userVersion = db.pragma('user_version', { simple: true }) as number
  const table = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get()
  if (table === undefined) return userVersion
  const newest = db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_migrations').get()
  return Math.max(userVersion, newest?.version ?? 0)
}
