import type { Database } from './database'

export interface DisabledModelRepository {
  /** Every turned-off model as `instanceId` → model ids. */
  all(): Map<string, Set<string>>
  /** Turns the model off (true) or back on (false); turning on what is on, or off what is off, changes nothing. */
  setDisabled(instanceId: string, modelId: string, disabled: boolean): void
}

export function createDisabledModelRepository(db: Database, clock: { now: () => Date } = { now: () => new Date() }): DisabledModelRepository {
  const list = db.prepare<[], { instance_id: string; model_id: string }>('SELECT instance_id, model_id FROM disabled_models ORDER BY instance_id, model_id')
  const insert = db.prepare<[string, string, string]>('INSERT INTO disabled_models (instance_id, model_id, disabled_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
  const remove = db.prepare<[string, string]>('DELETE FROM disabled_models WHERE instance_id = ? AND model_id = ?')
  return {
    all() {
      const disabled = new Map<string, Set<string>>()
      for (const row of list.all()) {
        const models = disabled.get(row.instance_id) ?? new Set<string>()
        models.add(row.model_id)
        disabled.set(row.instance_id, models)
      }
      return disabled
    },
    setDisabled(instanceId, modelId, disabled) {
      if (disabled) insert.run(instanceId, modelId, clock.now().toISOString())
      else remove.run(instanceId, modelId)
    },
  }
}
