import type { Logger } from 'pino'
import type { ModelInfo, Provider } from '../providers/provider-definition'
import type { DisabledModelRepository } from '../store/disabled-model-repository'

export interface CatalogueEntry {
  instanceId: string
  model: ModelInfo
}

/** A catalogue entry for the admin pages: turned-off models included. */
export interface CatalogueListing extends CatalogueEntry {
  enabled: boolean
}

/**
 * Which instance serves which model: the `models` an instance lists in the config file, else its live
 * model list (cached for `ttlMs`; a failed listing is retried after `retryMs`, so a dead instance does not
 * slow every request down). Instances are kept in configuration order. Models the operator turned off
 * (`setEnabled`, kept in SQLite) are left out of everything but `listing`, so they are neither listed nor
 * routed to.
 */
export function createModelCatalogue(options: {
  providers: Provider[]
  configuredModels: Map<string, string[] | undefined>
  logger: Logger
  ttlMs?: number
  retryMs?: number
  now?: () => number
  /** Where turned-off models are kept; without it toggles last until the process ends. */
  disabledModels?: DisabledModelRepository
}) {
  const ttlMs = options.ttlMs ?? 5 * 60_000
  const retryMs = Math.min(options.retryMs ?? 30_000, ttlMs)
  const now = options.now ?? Date.now
  const live = new Map<string, { models: ModelInfo[]; fetchedAt: number }>()
  const disabled = options.disabledModels?.all() ?? new Map<string, Set<string>>()
  const isDisabled = (instanceId: string, modelId: string) => disabled.get(instanceId)?.has(modelId) ?? false
  const enabledOnly = (instanceId: string, models: ModelInfo[]) => (disabled.has(instanceId) ? models.filter((model) => !isDisabled(instanceId, model.id)) : models)

  async function allModelsOf(provider: Provider): Promise<ModelInfo[]> {
    const configured = options.configuredModels.get(provider.id)
    if (configured) return configured.map((id) => ({ id }))
    const cached = live.get(provider.id)
    if (cached && now() - cached.fetchedAt < ttlMs) return cached.models
    try {
      const models = await provider.listModels({ signal: AbortSignal.timeout(15_000), clientHeaders: {}, requestId: 'catalogue' })
      live.set(provider.id, { models, fetchedAt: now() })
      return models
    } catch (error) {
      options.logger.warn({ err: error, instanceId: provider.id }, 'could not list models; the instance serves only prefixed requests until it answers')
      const models = cached?.models ?? []
      live.set(provider.id, { models, fetchedAt: now() - ttlMs + retryMs })
      return models
    }
  }

  const modelsOf = async (provider: Provider) => enabledOnly(provider.id, await allModelsOf(provider))

  return {
    /** One instance's models (an instance that is not enabled has none). */
    async modelsOf(instanceId: string): Promise<ModelInfo[]> {
      const provider = options.providers.find((candidate) => candidate.id === instanceId)
      return provider ? modelsOf(provider) : []
    },
    /** One instance's models as far as they are known without asking it: configured, else the last listing. */
    knownModelsOf(instanceId: string): ModelInfo[] {
      const configured = options.configuredModels.get(instanceId)
      return enabledOnly(instanceId, configured ? configured.map((id) => ({ id })) : (live.get(instanceId)?.models ?? []))
    },
    async entries(): Promise<CatalogueEntry[]> {
      const lists = await Promise.all(options.providers.map(async (provider) => ({ provider, models: await modelsOf(provider) })))
      return lists.flatMap(({ provider, models }) => models.map((model) => ({ instanceId: provider.id, model })))
    },
    /** Every model of every enabled instance, turned-off ones included, in the same order as `entries`. */
    async listing(): Promise<CatalogueListing[]> {
      const lists = await Promise.all(options.providers.map(async (provider) => ({ provider, models: await allModelsOf(provider) })))
      return lists.flatMap(({ provider, models }) => models.map((model) => ({ instanceId: provider.id, model, enabled: !isDisabled(provider.id, model.id) })))
    },
    isDisabled,
    /** Turns one model of one instance off or back on, at once and for the next start. */
    setEnabled(instanceId: string, modelId: string, enabled: boolean): void {
      options.disabledModels?.setDisabled(instanceId, modelId, !enabled)
      const models = disabled.get(instanceId) ?? new Set<string>()
      if (enabled) models.delete(modelId)
      else models.add(modelId)
      if (models.size === 0) disabled.delete(instanceId)
      else disabled.set(instanceId, models)
    },
    /** Forgets the live listings: the next use asks the instances again (after a sign-in, or on request). */
    invalidate(): void {
      live.clear()
    },
  }
}

export type ModelCatalogue = ReturnType<typeof createModelCatalogue>
