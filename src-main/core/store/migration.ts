import type { Database } from './database'

/**
 * One forward-only step of the schema. Versions run 1, 2, 3… with no gaps; a released migration is never
 * edited — a change to the schema is a new migration appended to the list in `migrations.ts`.
 */
export interface Migration {
  readonly version: number
  /** A short kebab-case description, recorded in `schema_migrations`. */
  readonly name: string
  /** Runs inside the migration's own transaction, so it must be synchronous. */
  up(db: Database): void
}
