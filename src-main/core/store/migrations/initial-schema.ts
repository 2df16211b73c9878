import type { Migration } from '../migration'

export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  up(db) {
    db.exec(`
      CREATE TABLE provider_instances (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        base_url TEXT NOT NULL,
        priority INTEGER NOT NULL DEFAULT 0,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        -- Non-secret settings only; secrets live in the SecretStore under the name in secret_ref.
        config TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
        secret_ref TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- provider_id has no foreign key on purpose: a log row outlives the provider it names.
      CREATE TABLE request_logs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        status INTEGER NOT NULL,
        duration_ms REAL NOT NULL,
        client_ip TEXT,
        user_agent TEXT,
        model TEXT,
        provider_id TEXT,
        input_tokens INTEGER,
        output_tokens INTEGER,
        error_message TEXT
      ) STRICT;

      CREATE INDEX request_logs_created_at ON request_logs (created_at);
      CREATE INDEX request_logs_model_created_at ON request_logs (model, created_at);
    `)
  },
}
