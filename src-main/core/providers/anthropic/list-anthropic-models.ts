import type { ModelInfo } from '../provider-definition'
import { parseUpstreamJson } from '../http/parse-upstream-json'
import { readUpstreamText } from '../http/read-upstream-text'
import type { UpstreamResponse } from '../http/upstream-http-client'
import { anthropicModelListSchema } from './anthropic-messages-api'

/** A guard against an upstream whose `has_more` never ends. */
const maximumPages = 100

/** GET /v1/models, following `has_more` / `last_id` (`after_id`) until the list is complete. */
export async function listAnthropicModels(instanceId: string, get: (pathAndQuery: string) => Promise<UpstreamResponse>): Promise<ModelInfo[]> {
  const models: ModelInfo[] = []
  let afterId: string | undefined
  for (let page = 0; page < maximumPages; page++) {
    const query = new URLSearchParams({ limit: '1000', ...(afterId ? { after_id: afterId } : {}) })
    const response = await get(`/v1/models?${query}`)
    const list = parseUpstreamJson(instanceId, await readUpstreamText(response), anthropicModelListSchema, 'model list', 'Anthropic')
    for (const model of list.data) {
      const created = model.created_at ? Math.floor(Date.parse(model.created_at) / 1000) : undefined
      models.push({
        id: model.id,
        ownedBy: 'anthropic',
        ...(created !== undefined && !Number.isNaN(created) ? { created } : {}),
        ...(model.max_input_tokens ? { contextWindow: model.max_input_tokens } : {}),
      })
    }
    if (!list.has_more || !list.last_id || list.last_id === afterId) break
    afterId = list.last_id
  }
  return models
}
