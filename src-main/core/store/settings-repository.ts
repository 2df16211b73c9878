import type { Database } from './database'

/**
 * Key → JSON value. `Settings` maps each key to its value's type; values are trusted to match it (they are
 * only ever written through `set`), so validate with zod at the edge if a key's type changes over time.
 */
export interface SettingsRepository<Settings extends object = Record<string, unknown>> {
  get<Key extends keyof Settings & string>(key: Key): Settings[Key] | undefined
  set<Key extends keyof Settings & string>(key: Key, value: Settings[Key]): void
  /** True when the key existed. */
  delete(key: keyof Settings & string): boolean
  all(): Partial<Settings>
}

export function createSettingsRepository<Settings extends object = Record<string, unknown>>(
  db: Database,
  clock: { now: () => Date } = { now: () => new Date() },
): SettingsRepository<Settings> {
  const getStatement = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const setStatement = db.prepare<[string, string, string]>(`
    INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
  `)
  const deleteStatement = db.prepare<[string]>('DELETE FROM settings WHERE key = ?')
  const allStatement = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings ORDER BY key')

  return {
    get(key) {
      const row = getStatement.get(key)
      return row === undefined ? undefined : (JSON.parse(row.value) as Settings[typeof key])
    },
    set(key, value) {
      const json = JSON.stringify(value) as string | undefined
      if (json === undefined) {
        throw new TypeError(`setting ${key} must be a JSON value; delete it instead of storing undefined`)
      }
      setStatement.run(key, json, clock.now().toISOString())
    },
    delete: (key) => deleteStatement.run(key).changes > 0,
    all() {
      const settings: Record<string, unknown> = {}
      for (const row of allStatement.all()) settings[row.key] = JSON.parse(row.value)
      return settings as Partial<Settings>
    },
  }
}
