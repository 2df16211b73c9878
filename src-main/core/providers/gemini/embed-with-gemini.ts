import { invalidRequest } from '../../errors/gateway-error'
import { parseUpstreamJson } from '../http/parse-upstream-json'
import { readUpstreamText } from '../http/read-upstream-text'
import type { UpstreamResponse } from '../http/upstream-http-client'
import type { EmbeddingRequest, EmbeddingResult } from '../provider-definition'
import { encodeEmbeddingBase64 } from './encode-embedding-base64'
import { geminiBatchEmbedContentsSchema, geminiEmbedContentSchema } from './gemini-api'
import { geminiModelName, geminiModelPath } from './gemini-model-path'

/** batchEmbedContents takes at most 100 requests ("at most 100 requests can be in one batch"). */
const batchSize = 100

/**
 * Embeddings: one input → `:embedContent`, more → `:batchEmbedContents` in batches of 100, vectors in
 * input order. `dimensions` becomes `outputDimensionality`; base64 output is encoded here. Gemini embeds
 * text only, so token arrays are refused.
 */
export async function embedWithGemini(instanceId: string, request: EmbeddingRequest, post: (path: string, json: unknown) => Promise<UpstreamResponse>): Promise<EmbeddingResult> {
  if (request.input.some((input) => typeof input !== 'string')) throw invalidRequest('Gemini embeds text only; token-array input is not supported.', 'unsupported_input')
  const texts = request.input as string[]
  const model = geminiModelName(request.model)
  const path = `/v1beta/${geminiModelPath(request.model)}`
  const dimensions = request.dimensions !== undefined ? { outputDimensionality: request.dimensions } : {}
  const vectors: number[][] = []
  if (texts.length === 1) {
    const response = await post(`${path}:embedContent`, { content: { parts: [{ text: texts[0] }] }, ...dimensions })
    vectors.push(parseUpstreamJson(instanceId, await readUpstreamText(response), geminiEmbedContentSchema, 'embedding', 'Gemini').embedding.values)
  } else {
    for (let start = 0; start < texts.length; start += batchSize) {
      const requests = texts.slice(start, start + batchSize).map((text) => ({ model, content: { parts: [{ text }] }, ...dimensions }))
      const response = await post(`${path}:batchEmbedContents`, { requests })
      vectors.push(...parseUpstreamJson(instanceId, await readUpstreamText(response), geminiBatchEmbedContentsSchema, 'embeddings', 'Gemini').embeddings.map((embedding) => embedding.values))
    }
  }
  return { model: request.model, embeddings: request.encodingFormat === 'base64' ? vectors.map(encodeEmbeddingBase64) : vectors }
}
