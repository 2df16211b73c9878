import { createHash } from 'node:crypto'
import { GeminiMockError, geminiValidationError } from './gemini-mock-error'

type JsonObject = Record<string, unknown>

/** A deterministic unit vector for a text (768 dimensions unless outputDimensionality says otherwise). */
function embed(content: unknown, dimensions: unknown, path: string): { values: number[] } {
  const parts = ((content as JsonObject | undefined)?.parts ?? []) as JsonObject[]
  if (parts.length === 0) throw geminiValidationError('EmbedContentRequest', [`${path}content.parts: contents.parts must not be empty.`])
  if (parts.some((part) => typeof part.text !== 'string')) throw new GeminiMockError(400, 'Only text parts are supported for this embedding model.')
  const size = typeof dimensions === 'number' ? dimensions : 768
  const seed = createHash('sha256').update(parts.map((part) => part.text).join('\n')).digest()
  const raw = Array.from({ length: size }, (_, index) => (seed[index % seed.length]! - 128) / 128 + index / (size * 10))
  const norm = Math.hypot(...raw) || 1
  return { values: raw.map((value) => value / norm) }
}

/** POST …:embedContent. */
export function answerGeminiMockEmbedContent(body: JsonObject): JsonObject {
  return { embedding: embed(body.content, body.outputDimensionality, '') }
}

/** POST …:batchEmbedContents: at most 100 requests, each naming the model of the URL. */
export function answerGeminiMockBatchEmbedContents(body: JsonObject, model: string): JsonObject {
  const requests = (body.requests ?? []) as JsonObject[]
  if (requests.length > 100) throw geminiValidationError('BatchEmbedContentsRequest', ['requests: at most 100 requests can be in one batch'])
  const problems = requests.flatMap((request, index) => (request.model === `models/${model}` ? [] : [`requests[${index}].model: must be the model of the URL (models/${model})`]))
  if (problems.length > 0) throw geminiValidationError('BatchEmbedContentsRequest', problems)
  return { embeddings: requests.map((request, index) => embed(request.content, request.outputDimensionality, `requests[${index}].`)) }
}
