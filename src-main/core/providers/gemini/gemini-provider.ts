import type { CifDialect, CifRequest } from '../../cif'
import { createJsonSsePartStream } from '../../sse/create-json-sse-part-stream'
import { VERSION } from '../../version'
import { streamErrorPart } from '../http/stream-error-part'
import { parseUpstreamJson } from '../http/parse-upstream-json'
import { readUpstreamText } from '../http/read-upstream-text'
import type { UpstreamResponse } from '../http/upstream-http-client'
import type { Provider, ProviderCallOptions, ProviderContext } from '../provider-definition'
import { buildGeminiRequestBody } from './build-gemini-request-body'
import { convertGeminiResponse } from './convert-gemini-response'
import { embedWithGemini } from './embed-with-gemini'
import { geminiResponseSchema, geminiTokenCountSchema } from './gemini-api'
import { geminiModelName, geminiModelPath } from './gemini-model-path'
import { createGeminiStreamTransformer } from './gemini-stream-transform'
import { readGeminiUpstreamError } from './gemini-upstream-error'
import { listGeminiModels } from './list-gemini-models'
import { parseGeminiProviderConfig } from './parse-gemini-provider-config'

/**
 * The wire dialect this instance speaks. The CIF's dialect list has no Gemini member yet; no client
 * surface speaks Gemini, so nothing is ever forwarded (`passthroughOperations` is empty) and the value
 * is never matched.
 */
const geminiDialect = 'gemini' as unknown as CifDialect

/** One `gemini` instance: the native Gemini API (generativelanguage.googleapis.com, or a server that speaks it). */
export function createGeminiProvider(context: ProviderContext): Provider {
  const config = parseGeminiProviderConfig(context.config)
  const instanceId = config.id

  /** Resolves only on a 2xx answer; anything else rejects with the upstream's status and message. */
  async function send(pathAndQuery: string, options: ProviderCallOptions, request: { json?: unknown; accept?: string } = {}): Promise<UpstreamResponse> {
    const headers: Record<string, string> = { accept: request.accept ?? 'application/json', 'user-agent': `omnillm/${VERSION}` }
    if (config.apiKey) headers['x-goog-api-key'] = config.apiKey
    const response = await context.http.request({
      instanceId,
      url: `${config.baseUrl}${pathAndQuery}`,
      method: request.json === undefined ? 'GET' : 'POST',
      headers,
      ...(request.json === undefined ? {} : { json: request.json }),
      signal: options.signal,
    })
    if (response.status >= 200 && response.status < 300) return response
    throw await readGeminiUpstreamError(instanceId, response)
  }

  const build = (request: CifRequest) => buildGeminiRequestBody(request, config.safetySettings ? { safetySettings: config.safetySettings } : {})
  const modelUrl = (model: string, method: string) => `/v1beta/${geminiModelPath(model)}:${method}`

  return {
    id: instanceId,
    type: 'gemini',
    dialect: geminiDialect,
    passthroughOperations: [],

    listModels: (options) => listGeminiModels(instanceId, (pathAndQuery) => send(pathAndQuery, options)),

    async generate(request, options) {
      const built = build(request)
      const response = await send(modelUrl(request.model, 'generateContent'), options, { json: built.body })
      const answer = parseUpstreamJson(instanceId, await readUpstreamText(response), geminiResponseSchema, 'response', 'Gemini')
      return convertGeminiResponse(answer, { instanceId, customToolNames: built.customToolNames, warnings: built.warnings })
    },

    async stream(request, options) {
      const built = build(request)
      const response = await send(`${modelUrl(request.model, 'streamGenerateContent')}?alt=sse`, options, { json: built.body, accept: 'text/event-stream' })
      // Bytes → CIF parts in one stream (decode, SSE, JSON, chunk transform, break-off error part).
      return createJsonSsePartStream({
        body: response.body,
        schema: geminiResponseSchema,
        transformer: createGeminiStreamTransformer({ instanceId, warnings: built.warnings, customToolNames: built.customToolNames, logger: context.logger }),
        errorPart: (error) => streamErrorPart(error, instanceId, options.signal, 'Gemini'),
      })
    },

    async countTokens(request, options) {
      const built = build(request)
      if (built.warnings.length > 0) context.logger.debug({ requestId: options.requestId, warnings: built.warnings }, 'token count of a request the upstream cannot fully express')
      // `contents` alone cannot carry the system instruction and tools; the whole request can.
      const json = { generateContentRequest: { model: geminiModelName(request.model), ...built.body } }
      const response = await send(modelUrl(request.model, 'countTokens'), options, { json })
      return parseUpstreamJson(instanceId, await readUpstreamText(response), geminiTokenCountSchema, 'token count', 'Gemini').totalTokens ?? 0
    },

    embed(request, options) {
      if (request.user !== undefined) context.logger.debug({ requestId: options.requestId }, 'Gemini embeddings have no user field; it was dropped')
      return embedWithGemini(instanceId, request, (path, json) => send(path, options, { json }))
    },
  }
}
