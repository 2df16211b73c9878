import { GeminiMockError } from './gemini-mock-error'

export interface GeminiMockModel {
  /** Without the `models/` prefix. */
  id: string
  methods: readonly string[]
}

const generationMethods = ['generateContent', 'streamGenerateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent']
const embeddingMethods = ['embedContent', 'batchEmbedContents', 'countTextTokens']

/** The models the mock serves unless a test names its own (those then all generate). */
export const defaultGeminiMockModels: GeminiMockModel[] = [
  { id: 'mock-gemini', methods: generationMethods },
  { id: 'gemini-2.5-flash', methods: generationMethods },
  { id: 'gemini-2.5-pro', methods: generationMethods },
  { id: 'gemini-3-pro-preview', methods: generationMethods },
  { id: 'gemini-embedding-001', methods: embeddingMethods },
  { id: 'text-embedding-004', methods: embeddingMethods },
]

export function geminiMockModelsFrom(ids: string[] | undefined): GeminiMockModel[] {
  return ids ? ids.map((id) => ({ id, methods: /embedding/.test(id) ? embeddingMethods : generationMethods })) : defaultGeminiMockModels
}

/** A model resource as GET /v1beta/models lists it. */
export function geminiMockModelInfo(model: GeminiMockModel): Record<string, unknown> {
  const embedding = model.methods.includes('embedContent')
  return {
    name: `models/${model.id}`,
    version: '001',
    displayName: model.id.replace(/-/g, ' '),
    description: `Mock model ${model.id}.`,
    inputTokenLimit: embedding ? 2048 : 1_048_576,
    outputTokenLimit: embedding ? 1 : 65_536,
    supportedGenerationMethods: model.methods,
    ...(embedding ? {} : { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2, thinking: true }),
  }
}

/** GET /v1beta/models: `pageSize` (default 50, at most 1000), `pageToken` from the last page's `nextPageToken`. */
export function geminiMockModelPage(models: GeminiMockModel[], query: URLSearchParams): Record<string, unknown> {
  const pageSize = Math.min(1000, Number(query.get('pageSize') ?? 50) || 50)
  const token = query.get('pageToken')
  const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^offset:/, '')) : 0
  if (!Number.isInteger(start) || start < 0 || start > models.length) throw new GeminiMockError(400, 'Invalid page token.')
  const page = models.slice(start, start + pageSize)
  const next = start + page.length < models.length ? { nextPageToken: Buffer.from(`offset:${start + page.length}`).toString('base64url') } : {}
  return { models: page.map(geminiMockModelInfo), ...next }
}

/** The model of a `models/{model}:{method}` call, or the API's 404 when it does not serve that method. */
export function findGeminiMockModel(models: GeminiMockModel[], id: string, method: string): GeminiMockModel {
  const model = models.find((candidate) => candidate.id === id)
  if (!model || !model.methods.includes(method)) {
    throw new GeminiMockError(404, `models/${id} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`)
  }
  return model
}
