import type { CifRequest } from '../../cif'
import { GatewayError } from '../../errors/gateway-error'
import { createJsonSsePartStream } from '../../sse/create-json-sse-part-stream'
import { VERSION } from '../../version'
import { readPassthroughBody } from '../http/read-passthrough-body'
import { streamErrorPart } from '../http/stream-error-part'
import type { UpstreamHttpClient, UpstreamResponse } from '../http/upstream-http-client'
import type { Provider, ProviderCallOptions } from '../provider-definition'
import { buildOpenAiChatRequestBody } from './build-openai-chat-request-body'
import { resultToStream } from '../../cif/result-to-stream-parts'
import { commonOpenAiChatChunk } from './common-openai-chat-chunk'
import { convertOpenAiChatCompletion } from './convert-openai-chat-completion'
import { openAiChatChunkSchema, openAiChatCompletionSchema, openAiEmbeddingsResponseSchema, openAiModelListSchema } from './openai-chat-api'
import { resolveOpenAiChatQuirks, type OpenAiChatQuirks } from './openai-chat-quirks'
import { createOpenAiChatStreamTransformer } from './openai-chat-stream-transform'
import { readOpenAiJsonResponse } from './read-openai-json-response'
import { readOpenAiUpstreamError } from './read-openai-upstream-error'

export type OpenAiEndpointPath = '/chat/completions' | '/models' | '/embeddings'

export interface OpenAiCompatibleProviderConfig {
  instanceId: string
  /** The config `type` the instance reports (a provider built on this base passes its own). */
  type?: string
  /** The API root INCLUDING `/v1`, as OPENAI_BASE_URL (`https://api.openai.com/v1`, `http://localhost:11434/v1`). */
  baseUrl: string
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey?: string
  /** Extra headers (Azure `api-key`, Copilot's editor headers), static or computed per call (short-lived tokens). */
  headers?: Record<string, string> | ((options: ProviderCallOptions) => Record<string, string> | Promise<Record<string, string>>)
  /** Where an endpoint lives, when it is not `{baseUrl}{path}` (Azure deployments put the model in the URL). */
  url?: (path: OpenAiEndpointPath, context: { model?: string }) => string
  quirks?: Partial<OpenAiChatQuirks>
}

const isSuccess = (status: number) => status >= 200 && status < 300

/**
 * A Chat Completions upstream (OpenAI, Ollama, vLLM, LM Studio, llama.cpp, OpenRouter …) and the base
 * that other chat-wire providers configure. All HTTP goes through the shared undici client with the
 * caller's AbortSignal, so a client that goes away closes the upstream request.
 */
export function createOpenAiCompatibleProvider(config: OpenAiCompatibleProviderConfig, context: { http: UpstreamHttpClient }): Provider {
  const { instanceId } = config
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  const quirks = resolveOpenAiChatQuirks(baseUrl, config.quirks)

  async function send(path: OpenAiEndpointPath, options: ProviderCallOptions, request: { json?: unknown; model?: string; accept: string }): Promise<UpstreamResponse> {
    const extra = typeof config.headers === 'function' ? await config.headers(options) : (config.headers ?? {})
    const headers: Record<string, string> = { accept: request.accept, 'user-agent': `omnillm/${VERSION}` }
    if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`
    for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value
    const url = config.url ? config.url(path, { model: request.model }) : `${baseUrl}${path}`
    return context.http.request({ instanceId, url, method: request.json === undefined ? 'GET' : 'POST', headers, json: request.json, signal: options.signal })
  }

  async function generate(request: CifRequest, options: ProviderCallOptions) {
    const built = buildOpenAiChatRequestBody(request, quirks, { stream: false })
    const response = await send('/chat/completions', options, { json: built.body, model: request.model, accept: 'application/json' })
    const completion = await readOpenAiJsonResponse(instanceId, response, openAiChatCompletionSchema)
    return convertOpenAiChatCompletion(completion, { instanceId, warnings: built.warnings, customToolsAsFunctions: built.customToolsAsFunctions })
  }

  return {
    id: instanceId,
    type: config.type ?? 'openai-compatible',
    dialect: 'openai-chat',

    async listModels(options) {
      const response = await send('/models', options, { accept: 'application/json' })
      const list = await readOpenAiJsonResponse(instanceId, response, openAiModelListSchema)
      return list.data.map((model) => {
        const contextWindow = model.context_length ?? model.context_window ?? model.max_model_len
        return { id: model.id, ...(model.owned_by ? { ownedBy: model.owned_by } : {}), ...(model.created ? { created: model.created } : {}), ...(contextWindow ? { contextWindow } : {}) }
      })
    },

    generate,

    async stream(request, options) {
      if (!quirks.upstreamStreaming) return resultToStream(await generate(request, options))
      const built = buildOpenAiChatRequestBody(request, quirks, { stream: true })
      const response = await send('/chat/completions', options, { json: built.body, model: request.model, accept: 'text/event-stream' })
      if (!isSuccess(response.status)) throw await readOpenAiUpstreamError(instanceId, response)
      const conversion = { instanceId, warnings: built.warnings, customToolsAsFunctions: built.customToolsAsFunctions }
      if (response.headers['content-type']?.includes('application/json')) {
        // The upstream ignored `stream: true` and answered in one piece.
        const completion = await readOpenAiJsonResponse(instanceId, response, openAiChatCompletionSchema)
        return resultToStream(convertOpenAiChatCompletion(completion, conversion))
      }
      // Bytes → CIF parts in one stream (decode, SSE, JSON, chunk transform, break-off error part).
      return createJsonSsePartStream({
        body: response.body,
        schema: openAiChatChunkSchema,
        fastPath: commonOpenAiChatChunk,
        transformer: createOpenAiChatStreamTransformer(conversion),
        errorPart: (error) => streamErrorPart(error, instanceId, options.signal),
      })
    },

    async embed(request, options) {
      const json = {
        model: request.model,
        input: request.input,
        ...(request.dimensions !== undefined ? { dimensions: request.dimensions } : {}),
        ...(request.encodingFormat ? { encoding_format: request.encodingFormat } : {}),
        ...(request.user !== undefined ? { user: request.user } : {}),
      }
      const response = await send('/embeddings', options, { json, model: request.model, accept: 'application/json' })
      const answer = await readOpenAiJsonResponse(instanceId, response, openAiEmbeddingsResponseSchema)
      const ordered = answer.data.map((item, position) => ({ index: item.index ?? position, embedding: item.embedding })).sort((a, b) => a.index - b.index)
      return {
        ...(answer.model ? { model: answer.model } : {}),
        embeddings: ordered.map((item) => item.embedding),
        ...(answer.usage?.prompt_tokens != null ? { inputTokens: answer.usage.prompt_tokens } : {}),
      }
    },

    async passthrough(request, options) {
      if (request.operation !== 'openai-chat') {
        throw new GatewayError({ status: 400, type: 'invalid_request', code: 'unsupported_operation', message: `Provider "${instanceId}" cannot forward ${request.operation} requests.` })
      }
      const model = typeof request.body.model === 'string' ? request.body.model : undefined
      const response = await send('/chat/completions', options, { json: request.body, model, accept: request.stream ? 'text/event-stream' : 'application/json' })
      if (!isSuccess(response.status)) throw await readOpenAiUpstreamError(instanceId, response)
      const contentType = response.headers['content-type'] ?? (request.stream ? 'text/event-stream; charset=utf-8' : 'application/json')
      return { status: response.status, contentType, body: await readPassthroughBody(instanceId, response, contentType) }
    },
  }
}
