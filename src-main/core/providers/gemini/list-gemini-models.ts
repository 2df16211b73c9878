import type { UpstreamResponse } from '../http/upstream-http-client'
import type { ModelInfo } from '../provider-definition'
import { geminiModelListSchema } from './gemini-api'
import { parseGeminiJson } from './parse-gemini-json'
import { readGeminiText } from './read-gemini-text'

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
    const list = parseGeminiJson(instanceId, await readGeminiText(response), geminiModelListSchema, 'model list')
    for (const model of list.models ?? []) {
      if (!model.supportedGenerationMethods?.includes('generateContent')) continue
      models.push({ id: model.name.replace(/^models\//, ''), ownedBy: 'google', ...(model.inputTokenLimit ? { contextWindow: model.inputTokenLimit } : {}) })
    }
    if (!list.nextPageToken || list.nextPageToken === pageToken) break
    pageToken = list.nextPageToken
  }
  return models
}
