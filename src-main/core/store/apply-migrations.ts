import { StartupError } from '../errors/startup-error'
import type { Database } from './database'
import type { Migration } from './migration'
import { readSchemaVersion } from './read-schema-version'

const createMigrationsTable = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT
`

/**
 * Brings `db` up to the newest of `migrations`, each pending migration in its own transaction: a migration
 * that throws leaves no trace and the version where it was. Returns the versions it applied.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[]): number[] {
  assertWellOrdered(migrations)
  assertSchemaNotNewer(db, migrations)
  const current = readSchemaVersion(db)
  const applied: number[] = []
  for (const migration of migrations) {
    if (migration.version <= current) continue
    try {
      db.transaction(() => applyOne(db, migration))()
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new StartupError(
        `migration ${migration.version} (${migration.name}) failed on ${db.name}: ${reason}; ` +
          `the database was left at schema version ${applied.at(-1) ?? current}`,
        { cause: error },
      )
    }
    applied.push(migration.version)
  }
  return applied
}

/** Throws when `db` was written by a newer OmniLLM, before anything is written to it. */
export function assertSchemaNotNewer(db: Database, migrations: readonly Migration[]): void {
  const found = readSchemaVersion(db)
  const newest = migrations.at(-1)?.version ?? 0
  if (found > newest) {
    throw new StartupError(
      `${db.name} was written by a newer OmniLLM (schema version ${found}; this version knows up to ${newest}); ` +
        'it was left untouched',
    )
  }
}

function applyOne(db: Database, migration: Migration): void {
  db.exec(createMigrationsTable)
  const result: unknown = migration.up(db)
  if (result instanceof Promise) throw new Error('it returned a promise; migrations must be synchronous')
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
    migration.version,
    migration.name,
    new Date().toISOString(),
  )
  db.pragma(`user_version = ${migration.version}`)
}

function assertWellOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" has version ${migration.version}; expected ${index + 1}`)
    }
  })
}
