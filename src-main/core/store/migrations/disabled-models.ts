import type { Migration } from '../migration'

/** Models the operator turned off (admin `models:set-enabled`): not listed, not routed to. */
export const disabledModels: Migration = {
  version: 3,
  name: 'disabled-models',
  up(db) {
    db.exec(`
      CREATE TABLE disabled_models (
        instance_id TEXT NOT NULL,
        model_id TEXT NOT NULL,
        disabled_at TEXT NOT NULL,
        PRIMARY KEY (instance_id, model_id)
      ) STRICT;
    `)
  },
}
