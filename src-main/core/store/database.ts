import type BetterSqlite3 from 'better-sqlite3'

/** An open better-sqlite3 connection. */
export type Database = BetterSqlite3.Database
