import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Database } from './database'
import { openDatabase } from './open-database'
import { createSettingsRepository } from './settings-repository'

let directory: string
let db: Database
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omnillm-settings-'))
  db = openDatabase(join(directory, 'omnillm.db'))
})
afterEach(() => {
  db.close()
  rmSync(directory, { recursive: true, force: true })
})

interface TestSettings {
  port: number
  theme: 'light' | 'dark'
  routing: { fallback: boolean; order: string[] }
  nothing: null
}

test('JSON values round-trip by key', () => {
  const settings = createSettingsRepository<TestSettings>(db)
  settings.set('port', 11_434)
  settings.set('routing', { fallback: true, order: ['a', 'b'] })
  settings.set('nothing', null)
  expect(settings.get('port')).toBe(11_434)
  expect(settings.get('routing')).toEqual({ fallback: true, order: ['a', 'b'] })
  expect(settings.get('nothing')).toBeNull()
  expect(settings.get('theme')).toBeUndefined()
})

test('set overwrites, delete removes, all lists everything', () => {
  const settings = createSettingsRepository<TestSettings>(db)
  settings.set('theme', 'light')
  settings.set('theme', 'dark')
  settings.set('port', 1)
  expect(settings.all()).toEqual({ port: 1, theme: 'dark' })
  expect(settings.delete('port')).toBe(true)
  expect(settings.delete('port')).toBe(false)
  expect(settings.all()).toEqual({ theme: 'dark' })
})

test('undefined is refused rather than stored', () => {
  const settings = createSettingsRepository(db)
  expect(() => settings.set('anything', undefined)).toThrow(TypeError)
  expect(settings.get('anything')).toBeUndefined()
})
