import type { CopilotModel } from './github-api'

export type CopilotEndpoint = 'chat' | 'responses' | 'messages'

/**
 * Which Copilot endpoint serves a model, from its `supported_endpoints`: native Anthropic Messages for
 * Claude (thinking, signatures and cache_control survive), Chat Completions where offered, Responses
 * for models served only there. A model Copilot does not describe goes to Chat Completions.
 */
export function chooseCopilotEndpoint(model: CopilotModel | undefined): CopilotEndpoint {
  const endpoints = model?.supported_endpoints ?? []
  if (endpoints.includes('/v1/messages')) return 'messages'
  if (endpoints.length === 0 || endpoints.includes('/chat/completions')) return 'chat'
  if (endpoints.includes('/responses')) return 'responses'
  return 'chat'
}

export interface CopilotModelCatalog {
  /** The model as Copilot lists it, listing again when the cache is stale or the model unknown (at most once a minute). */
  find(modelId: string): Promise<CopilotModel | undefined>
  /** Publishes a fresh listing (from listModels). */
  remember(models: CopilotModel[]): void
}

const freshForMs = 10 * 60_000
const missRetryMs = 60_000

/** The last `/models` listing, shared by the requests of one instance; one listing in flight at a time. */
export function createCopilotModelCatalog(options: { list(): Promise<CopilotModel[]>; now?: () => number }): CopilotModelCatalog {
  const now = options.now ?? Date.now
  let models = new Map<string, CopilotModel>()
  let listedAt = Number.NEGATIVE_INFINITY
  let inflight: Promise<void> | undefined
  const remember = (list: CopilotModel[]) => {
    models = new Map(list.map((model) => [model.id, model]))
    listedAt = now()
  }
  const relist = () =>
    (inflight ??= options
      .list()
      .then(remember, () => {
        listedAt = Math.max(listedAt, now() - freshForMs + missRetryMs) // try again in a minute, not on every request
      })
      .finally(() => (inflight = undefined)))

  return {
    async find(modelId) {
      const age = now() - listedAt
      if (age > freshForMs || (!models.has(modelId) && age > missRetryMs)) await relist()
      return models.get(modelId)
    },
    remember,
  }
}
