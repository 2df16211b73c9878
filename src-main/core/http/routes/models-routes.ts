import { Hono } from 'hono'
import { notFound } from '../../errors/gateway-error'
import type { CatalogueEntry, ModelCatalogue } from '../../pipeline/model-catalogue'
import type { GatewayEnv } from '../gateway-env'

interface ListedModel {
  id: string
  instanceId: string
  created: number
}

/**
 * Every model a client may name: the virtual model ids (owned by `omnillm`), each served id once (the
 * instance that answers a bare name first), then every `instance-id:model` form. Deterministic order:
 * configuration order, then the instance's own order.
 */
export function listModels(entries: CatalogueEntry[], virtualModelIds: readonly string[] = []): ListedModel[] {
  const bare = new Map<string, ListedModel>(virtualModelIds.map((id) => [id, { id, instanceId: 'omnillm', created: 0 }]))
  const prefixed: ListedModel[] = []
  for (const { instanceId, model } of entries) {
    const created = model.created ?? 0
    if (!bare.has(model.id)) bare.set(model.id, { id: model.id, instanceId, created })
    prefixed.push({ id: `${instanceId}:${model.id}`, instanceId, created })
  }
  return [...bare.values(), ...prefixed]
}

function toOpenAiModel(model: ListedModel) {
  return { id: model.id, object: 'model', created: model.created, owned_by: model.instanceId }
}

function toAnthropicModel(model: ListedModel) {
  return { type: 'model', id: model.id, display_name: model.id, created_at: new Date(model.created * 1000).toISOString() }
}

/** `GET /v1/models` and `/v1/models/{id}`: OpenAI's list shape, or Anthropic's when the caller sends `anthropic-version`. */
export function modelsRoutes(catalogue: ModelCatalogue, virtualModelIds: readonly string[] = []): Hono<GatewayEnv> {
  const routes = new Hono<GatewayEnv>()
  routes.get('/v1/models', async (c) => {
    const models = listModels(await catalogue.entries(), virtualModelIds)
    if (c.req.header('anthropic-version')) {
      const data = models.map(toAnthropicModel)
      return c.json({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null })
    }
    return c.json({ object: 'list', data: models.map(toOpenAiModel) })
  })
  routes.get('/v1/models/:id{.+}', async (c) => {
    const id = c.req.param('id')
    const model = listModels(await catalogue.entries(), virtualModelIds).find((candidate) => candidate.id === id)
    if (!model) throw notFound(`The model "${id}" does not exist or is not served by any configured provider.`, 'model_not_found')
    return c.json(c.req.header('anthropic-version') ? toAnthropicModel(model) : toOpenAiModel(model))
  })
  return routes
}
