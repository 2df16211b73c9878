import type { Database } from './database'

/** A configured upstream provider. Holds no secret: `secretRef` names the entry in the SecretStore. */
export interface ProviderInstance {
  id: string
  type: string
  name: string
  baseUrl: string
  /** Lower numbers come first. */
  priority: number
  enabled: boolean
  /** Non-secret settings, stored as JSON. */
  config: Record<string, unknown>
  secretRef: string | null
  /** ISO-8601 UTC. */
  createdAt: string
  updatedAt: string
}

export type ProviderInstanceInput = Omit<ProviderInstance, 'createdAt' | 'updatedAt'>

export interface ProviderInstanceRepository {
  /** Ordered by priority, then id. */
  list(): ProviderInstance[]
  get(id: string): ProviderInstance | undefined
  /** Inserts or replaces by id; `createdAt` survives a replace. Returns the stored row. */
  upsert(instance: ProviderInstanceInput): ProviderInstance
  /** True when a row was deleted. */
  delete(id: string): boolean
  /** True when the instance exists. */
  setEnabled(id: string, enabled: boolean): boolean
}

interface ProviderInstanceRow {
  id: string
  type: string
  name: string
  base_url: string
  priority: number
  enabled: number
  config: string
  secret_ref: string | null
  created_at: string
  updated_at: string
}

type UpsertParameters = Omit<ProviderInstanceRow, 'created_at' | 'updated_at'> & { now: string }

export function createProviderInstanceRepository(
  db: Database,
  clock: { now: () => Date } = { now: () => new Date() },
): ProviderInstanceRepository {
  const listStatement = db.prepare<[], ProviderInstanceRow>('SELECT * FROM provider_instances ORDER BY priority, id')
  const getStatement = db.prepare<[string], ProviderInstanceRow>('SELECT * FROM provider_instances WHERE id = ?')
  const upsertStatement = db.prepare<[UpsertParameters], ProviderInstanceRow>(`
    INSERT INTO provider_instances
      (id, type, name, base_url, priority, enabled, config, secret_ref, created_at, updated_at)
    VALUES (@id, @type, @name, @base_url, @priority, @enabled, @config, @secret_ref, @now, @now)
    ON CONFLICT (id) DO UPDATE SET
      type = excluded.type, name = excluded.name, base_url = excluded.base_url, priority = excluded.priority,
      enabled = excluded.enabled, config = excluded.config, secret_ref = excluded.secret_ref,
      updated_at = excluded.updated_at
    RETURNING *
  `)
  const deleteStatement = db.prepare<[string]>('DELETE FROM provider_instances WHERE id = ?')
  const setEnabledStatement = db.prepare<[number, string, string]>(
    'UPDATE provider_instances SET enabled = ?, updated_at = ? WHERE id = ?',
  )

  return {
    list: () => listStatement.all().map(fromRow),
    get(id) {
      const row = getStatement.get(id)
      return row === undefined ? undefined : fromRow(row)
    },
    upsert(instance) {
      const row = upsertStatement.get({
        id: instance.id,
        type: instance.type,
        name: instance.name,
        base_url: instance.baseUrl,
        priority: instance.priority,
        enabled: instance.enabled ? 1 : 0,
        config: JSON.stringify(instance.config),
        secret_ref: instance.secretRef,
        now: clock.now().toISOString(),
      })
      if (row === undefined) throw new Error(`upsert of provider instance ${instance.id} returned no row`)
      return fromRow(row)
    },
    delete: (id) => deleteStatement.run(id).changes > 0,
    setEnabled: (id, enabled) => setEnabledStatement.run(enabled ? 1 : 0, clock.now().toISOString(), id).changes > 0,
  }
}

function fromRow(row: ProviderInstanceRow): ProviderInstance {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    baseUrl: row.base_url,
    priority: row.priority,
    enabled: row.enabled === 1,
    config: JSON.parse(row.config) as Record<string, unknown>,
    secretRef: row.secret_ref,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
