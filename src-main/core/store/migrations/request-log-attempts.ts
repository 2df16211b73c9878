import type { Migration } from '../migration'

/** Which upstream attempts a request took before it was served (or failed): failover made visible per row. */
export const requestLogAttempts: Migration = {
  version: 4,
  name: 'request-log-attempts',
  up(db) {
    db.exec(`
      -- JSON array of { instanceId, model, status, reason } for each candidate that failed before the one
      -- that served (or before the last failure); null when the first candidate served.
      ALTER TABLE request_logs ADD COLUMN attempts TEXT CHECK (attempts IS NULL OR json_valid(attempts));
    `)
  },
}
