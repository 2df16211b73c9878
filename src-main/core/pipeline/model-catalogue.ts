import type { Logger } from 'pino'
import type { ModelInfo, Provider } from '../providers/provider-definition'

export interface CatalogueEntry {
  instanceId: string
  model: ModelInfo
}

/**
 * Which instance serves which model: the `models` an instance lists in the config file, else its live
 * model list (cached for `ttlMs`). Instances are kept in configuration order, which is the order bare
 * model names are resolved in.
 */
export function createModelCatalogue(options: {
  providers: Provider[]
  configuredModels: Map<string, string[] | undefined>
  logger: Logger
  ttlMs?: number
  now?: () => number
}) {
  const ttlMs = options.ttlMs ?? 5 * 60_000
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
      return cached?.models ?? []
    }
  }

  return {
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
