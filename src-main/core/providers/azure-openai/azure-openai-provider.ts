import type { UpstreamHttpClient } from '../http/upstream-http-client'
import { createOpenAiCompatibleProvider } from '../openai-compatible'
import type { ModelInfo, Provider } from '../provider-definition'
import { resolveAzureOpenAiChatQuirks } from './azure-openai-quirks'
import { azureOpenAiUrl } from './azure-openai-url'
import type { AzureOpenAiProviderConfig } from './parse-azure-openai-config'

/**
 * Azure OpenAI on the openai-compatible base: the `api-key` header (never `Authorization: Bearer`), the
 * deployment in the URL (deployments surface) or in `model` (v1 surface), Azure's quirks. Every call maps
 * the model to its deployment first, so the URL, the body's `model` and passthrough bodies all name the
 * deployment. Content filtering needs nothing extra: the leading `choices: []` chunk with
 * `prompt_filter_results` and the `content_filter_results` on choices are ignored by the chat stream
 * transform, `finish_reason: "content_filter"` maps to `content-filter`, and the 400 with
 * `code: "content_filter"` becomes an UpstreamError with Azure's message and code.
 */
export function createAzureOpenAiProvider(config: AzureOpenAiProviderConfig, context: { http: UpstreamHttpClient }): Provider {
  const deploymentOf = (model: string) => config.deployments[model] ?? model
  const base = createOpenAiCompatibleProvider(
    {
      instanceId: config.instanceId,
      type: 'azure-openai',
      baseUrl: `${config.endpoint}/openai`,
      // No `apiKey` here: the base would send it as a Bearer token, which the deployments surface reads as an Entra ID token.
      headers: { ...config.headers, ...(config.apiKey ? { 'api-key': config.apiKey } : {}) },
      url: (path, { model }) => azureOpenAiUrl(config, path, model),
      quirks: resolveAzureOpenAiChatQuirks(config),
    },
    context,
  )

  return {
    id: base.id,
    type: base.type,
    dialect: base.dialect,

    /** The deployments map's models and the configured `models`: Azure lists deployments only on the management plane. */
    async listModels(): Promise<ModelInfo[]> {
      const ids = new Set([...Object.keys(config.deployments), ...config.models])
      return [...ids].map((id) => ({ id, ownedBy: 'azure-openai' }))
    },

    generate: (request, options) => base.generate({ ...request, model: deploymentOf(request.model) }, options),

    stream: (request, options) => base.stream({ ...request, model: deploymentOf(request.model) }, options),

    embed: (request, options) => base.embed!({ ...request, model: deploymentOf(request.model) }, options),

    passthrough(request, options) {
      const model = typeof request.body.model === 'string' ? deploymentOf(request.body.model) : request.body.model
      return base.passthrough!({ ...request, body: { ...request.body, model } }, options)
    },
  }
}
