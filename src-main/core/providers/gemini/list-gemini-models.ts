import { parseUpstreamJson } from '../http/parse-upstream-json'
import { readUpstreamText } from '../http/read-upstream-text'
import type { UpstreamResponse } from '../http/upstream-http-client'
import type { ModelInfo } from '../provider-definition'
import { geminiModelListSchema } from './gemini-api'

/** A guard against an upstream whose `nextPageToken` never ends. */
const maximumPages = 100

/**
 * GET /v1beta/models, following `nextPageToken` until the list is complete; only models that serve
 * generateContent are kept (embedding and image models are listed too), their `models/` prefix stripped.
 */
export async function listGeminiModels(instanceId: string, get: (pathAndQuery: string) => Promise<UpstreamResponse>): Promise<ModelInfo[]> {
  const models: ModelInfo[] = []
  let pageToken: string | undefined
  for (let page = 0; page < maximumPages; page++) {
    const query = new URLSearchParams({ pageSize: '1000', ...(pageToken ? { pageToken } : {}) })
    const response = await get(`/v1beta/models?${query}`)
    const list = parseUpstreamJson(instanceId, await readUpstreamText(response), geminiModelListSchema, 'model list', 'Gemini')
    for (const model of list.models ?? []) {
      if (!model.supportedGenerationMethods?.includes('generateContent')) continue
      models.push({ id: model.name.replace(/^models\//, ''), ownedBy: 'google', ...(model.inputTokenLimit ? { contextWindow: model.inputTokenLimit } : {}), ...(model.version ? { version: model.version } : {}) })
    }
    if (!list.nextPageToken || list.nextPageToken === pageToken) break
    pageToken = list.nextPageToken
  }
  return models
}
