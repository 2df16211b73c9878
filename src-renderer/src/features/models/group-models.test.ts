import { describe, expect, it } from 'vitest'

import type { CatalogueModel } from '../../../../src-preload/contract'
import { formatContextWindow, groupModels } from './group-models'

const model = (instanceId: string, id: string, extra: Partial<CatalogueModel> = {}): CatalogueModel => ({ instanceId, id, enabled: true, version: null, ownedBy: null, contextWindow: null, ...extra })
const models = [model('up', 'gpt-4o'), model('cop', 'gpt-4.1', { version: 'gpt-4.1-2025-04-14' }), model('up', 'gpt-4o-mini', { enabled: false }), model('cop', 'claude-sonnet-4.5')]

describe('grouping models', () => {
  it('groups by instance in first-seen order and counts what is on', () => {
    expect(groupModels(models).map((group) => [group.instanceId, group.models.map((entry) => entry.id), group.enabledCount, group.total])).toEqual([
      ['up', ['gpt-4o', 'gpt-4o-mini'], 1, 2],
      ['cop', ['gpt-4.1', 'claude-sonnet-4.5'], 2, 2],
    ])
  })

  it('filters by id, instance:id and version, case-insensitively; empty instances are dropped', () => {
    expect(groupModels(models, ' MINI ').map((group) => group.models.map((entry) => entry.id))).toEqual([['gpt-4o-mini']])
    expect(groupModels(models, 'cop:').map((group) => group.instanceId)).toEqual(['cop'])
    expect(groupModels(models, '2025-04').flatMap((group) => group.models.map((entry) => entry.id))).toEqual(['gpt-4.1'])
    expect(groupModels(models, 'nothing')).toEqual([])
    // Counts describe the whole instance, not the filtered rows.
    expect(groupModels(models, 'mini')[0]).toMatchObject({ enabledCount: 1, total: 2 })
  })

  it('formats context windows compactly', () => {
    expect(formatContextWindow(128_000)).toBe('128K')
    expect(formatContextWindow(1_048_576)).toBe('1M')
    expect(formatContextWindow(8192)).toBe('8.2K')
  })
})
