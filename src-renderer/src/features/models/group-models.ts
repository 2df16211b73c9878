import type { CatalogueModel } from '../../../../src-preload/contract'

export interface ModelGroup {
  instanceId: string
  models: CatalogueModel[]
  /** How many of the instance's models are on (before filtering). */
  enabledCount: number
  total: number
}

/**
 * The models by instance, in the gateway's (configuration) order, keeping only those whose id,
 * `instance:id`, version or owner contains `filter` (case-insensitive). Instances left empty are dropped.
 */
export function groupModels(models: readonly CatalogueModel[], filter = ''): ModelGroup[] {
  const needle = filter.trim().toLowerCase()
  const matches = (model: CatalogueModel) =>
    needle === '' || [`${model.instanceId}:${model.id}`, model.version, model.ownedBy].some((text) => text?.toLowerCase().includes(needle))
  const groups = new Map<string, ModelGroup>()
  for (const model of models) {
    let group = groups.get(model.instanceId)
    if (!group) groups.set(model.instanceId, (group = { instanceId: model.instanceId, models: [], enabledCount: 0, total: 0 }))
    group.total += 1
    if (model.enabled) group.enabledCount += 1
    if (matches(model)) group.models.push(model)
  }
  return [...groups.values()].filter((group) => group.models.length > 0)
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })

/** 128000 → `128K`, 1048576 → `1M`. */
export function formatContextWindow(tokens: number): string {
  return compact.format(tokens)
}
