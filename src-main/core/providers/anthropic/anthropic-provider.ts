import type { CifRequest } from '../../cif'
import { GatewayError } from '../../errors/gateway-error'
import { createJsonSsePartStream } from '../../sse/create-json-sse-part-stream'
import { parseUpstreamJson } from '../http/parse-upstream-json'
import { readUpstreamText } from '../http/read-upstream-text'
import { readPassthroughBody } from '../http/read-passthrough-body'
import type { UpstreamResponse } from '../http/upstream-http-client'
import type { PassthroughRequest, Provider, ProviderCallOptions, ProviderContext } from '../provider-definition'
import { anthropicMessageResponseSchema, anthropicStreamEventSchema, anthropicTokenCountSchema } from './anthropic-messages-api'
import { parseAnthropicProviderConfig } from './anthropic-provider-config'
import { createAnthropicStreamTransformer } from './anthropic-stream-transform'
import { commonAnthropicStreamEvent } from './common-anthropic-stream-event'
import { readAnthropicUpstreamError } from './anthropic-upstream-error'
import { anthropicBetas, buildAnthropicHeaders } from './build-anthropic-headers'
import { buildAnthropicRequestBody } from './build-anthropic-request-body'
import { convertAnthropicResponse } from './convert-anthropic-response'
import { listAnthropicModels } from './list-anthropic-models'
import { toAnthropicCountTokensBody } from './to-anthropic-count-tokens-body'

const passthroughPaths: Record<PassthroughRequest['operation'], string | undefined> = {
  'anthropic-messages': '/v1/messages',
  'anthropic-count-tokens': '/v1/messages/count_tokens',
  'openai-chat': undefined,
}

/** One `anthropic` instance: the native Messages API (or any server that speaks it) at `baseUrl`. */
export function createAnthropicProvider(context: ProviderContext): Provider {
  const config = parseAnthropicProviderConfig(context.config)
  const instanceId = config.id

  /** Resolves only on a 2xx answer; anything else rejects with the upstream's status and message. */
  async function send(path: string, options: ProviderCallOptions, request: { json?: unknown; accept?: string } = {}): Promise<UpstreamResponse> {
    const response = await context.http.request({
      instanceId,
      url: `${config.baseUrl}${path}`,
      method: request.json === undefined ? 'GET' : 'POST',
      headers: buildAnthropicHeaders(config, options.clientHeaders, request.accept ?? 'application/json'),
      ...(request.json === undefined ? {} : { json: request.json }),
      signal: options.signal,
    })
    if (response.status >= 200 && response.status < 300) return response
    throw await readAnthropicUpstreamError(instanceId, response)
  }

  function build(request: CifRequest, options: ProviderCallOptions, stream: boolean) {
    const midConversationSystem = anthropicBetas(config, options.clientHeaders).some((beta) => beta.startsWith('mid-conversation-system'))
    return buildAnthropicRequestBody(request, {
      stream,
      midConversationSystem,
      samplingParameters: config.anthropicVersion < '2026-10-21',
      ...(config.defaultMaxTokens ? { defaultMaxTokens: config.defaultMaxTokens } : {}),
    })
  }

  return {
    id: instanceId,
    type: 'anthropic',
    dialect: 'anthropic-messages',

    listModels: (options) => listAnthropicModels(instanceId, (pathAndQuery) => send(pathAndQuery, options)),

    async generate(request, options) {
      const built = build(request, options, false)
      const response = await send('/v1/messages', options, { json: built.body })
      const message = parseUpstreamJson(instanceId, await readUpstreamText(response), anthropicMessageResponseSchema, 'message', 'Anthropic')
      return convertAnthropicResponse(message, { instanceId, customToolNames: built.customToolNames, warnings: built.warnings })
    },

    async stream(request, options) {
      const built = build(request, options, true)
      const response = await send('/v1/messages', options, { json: built.body, accept: 'text/event-stream' })
      // Bytes → CIF parts in one stream; a body that breaks off errors the stream (no error part), as before.
      return createJsonSsePartStream({
        body: response.body,
        schema: anthropicStreamEventSchema,
        fastPath: commonAnthropicStreamEvent,
        transformer: createAnthropicStreamTransformer({ instanceId, warnings: built.warnings, customToolNames: built.customToolNames, logger: context.logger }),
      })
    },

    async countTokens(request, options) {
      const built = build(request, options, false)
      if (built.warnings.length > 0) context.logger.debug({ requestId: options.requestId, warnings: built.warnings }, 'token count of a request the upstream cannot fully express')
      const response = await send('/v1/messages/count_tokens', options, { json: toAnthropicCountTokensBody(built.body) })
      return parseUpstreamJson(instanceId, await readUpstreamText(response), anthropicTokenCountSchema, 'token count', 'Anthropic').input_tokens
    },

    async passthrough(request, options) {
      const path = passthroughPaths[request.operation]
      if (!path) throw new GatewayError({ status: 500, type: 'internal', code: 'passthrough_unsupported', message: `Provider "${instanceId}" (anthropic) cannot forward ${request.operation} requests.` })
      const response = await send(path, options, { json: request.body, accept: request.stream ? 'text/event-stream' : 'application/json' })
      const contentType = response.headers['content-type'] ?? 'application/json'
      return { status: response.status, contentType, body: await readPassthroughBody(instanceId, response, contentType) }
    },
  }
}
