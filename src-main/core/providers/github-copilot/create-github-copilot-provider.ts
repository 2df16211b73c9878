import type { CifRequest } from '../../cif'
import { createAnthropicProvider } from '../anthropic/anthropic-provider'
import { parseUpstreamJson } from '../http/parse-upstream-json'
import { readUpstreamText } from '../http/read-upstream-text'
import { UpstreamError } from '../../errors/upstream-error'
import { createOpenAiCompatibleProvider } from '../openai-compatible'
import type { ModelInfo, Provider, ProviderCallOptions, ProviderContext } from '../provider-definition'
import { classifySideCall } from './classify-side-call'
import { chooseCopilotInitiator, hasImageInput } from './choose-copilot-initiator'
import { githubTokenSecretName } from './copilot-constants'
import { githubRequestHeaders, type CopilotCallTraits } from './copilot-headers'
import { chooseCopilotEndpoint, createCopilotModelCatalog, type CopilotEndpoint } from './copilot-model-catalog'
import { createCopilotTokenSource } from './copilot-token-source'
import { createCopilotHttp } from './create-copilot-http'
import { copilotModelListSchema, copilotUsageSchema, type CopilotModel } from './github-api'
import { isLongReasoningRequest } from './is-long-reasoning-model'
import { normalizeToolCallIds } from './normalize-tool-call-ids'
import type { GithubCopilotConfig } from './parse-github-copilot-config'
import { createResponsesUpstream } from './responses/create-responses-upstream'

const listTraits: CopilotCallTraits = { initiator: 'agent', vision: false }
const newerTokenField = /^(o\d|gpt-5)/

/**
 * GitHub Copilot. A GitHub token (config, `--github-token`, or the one `omnillm auth github-copilot`
 * stored) is exchanged for a short-lived Copilot token; each request then goes to the endpoint Copilot
 * serves its model on: native Anthropic Messages for Claude (through the anthropic adapter), Chat
 * Completions (through the OpenAI-compatible base), or Responses (own adapter) for Responses-only models.
 * Premium requests are saved by an honest `X-Initiator` and by sending Claude Code's side calls (warm-up,
 * title, compaction) to `smallModel` when one is set; one log line per request says how it counted.
 */
export function createGithubCopilotProvider(config: GithubCopilotConfig, context: ProviderContext): Provider {
  const { instanceId } = config
  const githubToken = async () => config.githubToken ?? (await context.secrets.get(githubTokenSecretName))
  const tokens = createCopilotTokenSource({ http: context.http, instanceId, githubApiUrl: config.githubApiUrl, githubToken, logger: context.logger })
  const apiUrl = async () => {
    const token = await tokens.get()
    return config.copilotApiUrl ?? token.apiUrl ?? config.defaultCopilotApiUrl
  }

  async function listCopilotModels(signal: AbortSignal, requestId: string): Promise<CopilotModel[]> {
    const http = createCopilotHttp({ http: context.http, tokens, traits: listTraits, logger: context.logger, requestId })
    const response = await http.request({ instanceId, url: `${await apiUrl()}/models`, headers: { accept: 'application/json' }, signal })
    const text = await readUpstreamText(response)
    if (response.status !== 200) throw new UpstreamError({ instanceId, status: response.status, message: `Copilot answered GET /models with HTTP ${response.status}.`, body: text })
    return parseUpstreamJson(instanceId, text, copilotModelListSchema, 'model list', 'Copilot').data
  }
  const catalog = createCopilotModelCatalog({ list: () => listCopilotModels(AbortSignal.timeout(30_000), 'model-catalog') })

  async function route(request: CifRequest, options: ProviderCallOptions) {
    const sideCall = classifySideCall(request)
    const model = sideCall && config.smallModel ? config.smallModel : request.model
    const routed = normalizeToolCallIds(model === request.model ? request : { ...request, model })
    const decision = sideCall ? { initiator: 'agent' as const, reason: `a ${sideCall} side call, not a user prompt` } : chooseCopilotInitiator(routed)
    const endpoint: CopilotEndpoint = chooseCopilotEndpoint(await catalog.find(routed.model))
    const longReasoning = isLongReasoningRequest(routed)
    context.logger.info(
      {
        requestId: options.requestId,
        model: routed.model,
        ...(model !== request.model ? { requestedModel: request.model, sideCall } : sideCall ? { sideCall } : {}),
        endpoint,
        initiator: decision.initiator,
        premium: decision.initiator === 'user',
        reason: decision.reason,
      },
      decision.initiator === 'user' ? `Copilot request counts as premium: ${decision.reason}` : `Copilot request is not premium: ${decision.reason}`,
    )
    const http = createCopilotHttp({
      http: context.http,
      tokens,
      traits: { initiator: decision.initiator, vision: hasImageInput(routed) },
      ...(longReasoning ? { firstByteTimeoutMs: Math.max(config.reasoningFirstByteTimeoutMs, config.firstByteTimeoutMs ?? 0) } : {}),
      logger: context.logger,
      requestId: options.requestId,
    })
    const baseUrl = await apiUrl()
    return { request: routed, upstream: upstreamFor(endpoint, routed.model, baseUrl, http) }
  }

  function upstreamFor(endpoint: CopilotEndpoint, model: string, baseUrl: string, http: ReturnType<typeof createCopilotHttp>): Pick<Provider, 'generate' | 'stream'> {
    if (endpoint === 'messages') {
      return createAnthropicProvider({ config: { id: instanceId, type: 'anthropic', baseUrl, priority: 0, enabled: true }, http, logger: context.logger, secrets: context.secrets })
    }
    if (endpoint === 'responses') return createResponsesUpstream({ instanceId, baseUrl, http })
    return createOpenAiCompatibleProvider(
      {
        instanceId,
        type: 'github-copilot',
        baseUrl,
        quirks: { maxTokensField: newerTokenField.test(model) ? 'max_completion_tokens' : 'max_tokens', cacheControl: 'automatic', documentInput: false, customTools: 'function', streamUsage: true },
      },
      { http },
    )
  }

  return {
    id: instanceId,
    type: 'github-copilot',
    dialect: 'openai-chat',
    passthroughOperations: [],

    async listModels(options) {
      const models = await listCopilotModels(options.signal, options.requestId)
      catalog.remember(models)
      return models.map((model): ModelInfo => {
        const contextWindow = model.capabilities?.limits?.max_context_window_tokens
        return { id: model.id, ...(model.vendor ? { ownedBy: model.vendor } : {}), ...(contextWindow ? { contextWindow } : {}), ...(model.version ? { version: model.version } : {}) }
      })
    },

    async generate(request, options) {
      const routed = await route(request, options)
      return routed.upstream.generate(routed.request, options)
    },

    async stream(request, options) {
      const routed = await route(request, options)
      return routed.upstream.stream(routed.request, options)
    },

    async embed(request, options) {
      const http = createCopilotHttp({ http: context.http, tokens, traits: listTraits, logger: context.logger, requestId: options.requestId })
      const base = createOpenAiCompatibleProvider({ instanceId, type: 'github-copilot', baseUrl: await apiUrl() }, { http })
      return base.embed!(request, options)
    },

    async usage(options) {
      const token = await githubToken()
      if (!token) await tokens.get() // throws the "not signed in" error
      const response = await context.http.request({ instanceId, url: `${config.githubApiUrl}/copilot_internal/user`, headers: githubRequestHeaders(token ?? ''), signal: options.signal })
      const text = await readUpstreamText(response)
      if (response.status !== 200) throw new UpstreamError({ instanceId, status: response.status, message: `GitHub answered GET /copilot_internal/user with HTTP ${response.status}.`, body: text })
      return parseUpstreamJson(instanceId, text, copilotUsageSchema, 'usage report', 'GitHub')
    },

    async currentToken() {
      return (tokens.current() ?? (await tokens.get())).token
    },
  }
}
