import type { Logger } from 'pino'
import type { ModelInfo, Provider } from '../providers/provider-definition'

export interface CatalogueEntry {
  instanceId: string
  model: ModelInfo
}

/**
 * Which instance serves which model: the `models` an instance lists in the config file, else its live
 * model list (cached for `ttlMs`; a failed listing is retried after `retryMs`, so a dead instance does not
 * slow every request down). Instances are kept in configuration order.
 */
export function createModelCatalogue(options: {
  providers: Provider[]
  configuredModels: Map<string, string[] | undefined>
  logger: Logger
  ttlMs?: number
  retryMs?: number
  now?: () => number
}) {
  const ttlMs = options.ttlMs ?? 5 * 60_000
  const retryMs = Math.min(options.retryMs ?? 30_000, ttlMs)
  const now = options.now ?? Date.now
  const live = new Map<string, { models: ModelInfo[]; fetchedAt: number }>()

  async function modelsOf(provider: Provider): Promise<ModelInfo[]> {
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

  return {
    /** One instance's models (an instance that is not enabled has none). */
    async modelsOf(instanceId: string): Promise<ModelInfo[]> {
      const provider = options.providers.find((candidate) => candidate.id === instanceId)
      return provider ? modelsOf(provider) : []
    },
    /** One instance's models as far as they are known without asking it: configured, else the last listing. */
    knownModelsOf(instanceId: string): ModelInfo[] {
      const configured = options.configuredModels.get(instanceId)
      return configured ? configured.map((id) => ({ id })) : (live.get(instanceId)?.models ?? [])
    },
    async entries(): Promise<CatalogueEntry[]> {
      const lists = await Promise.all(options.providers.map(async (provider) => ({ provider, models: await modelsOf(provider) })))
      return lists.flatMap(({ provider, models }) => models.map((model) => ({ instanceId: provider.id, model })))
    },
    invalidate(): void {
      live.clear()
    },
  }
}

export type ModelCatalogue = ReturnType<typeof createModelCatalogue>
