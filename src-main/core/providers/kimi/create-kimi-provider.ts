import { GatewayError } from '../../errors/gateway-error'
import { createAnthropicProvider } from '../anthropic/anthropic-provider'
import { buildOpenAiChatRequestBody, createOpenAiCompatibleProvider, resolveOpenAiChatQuirks } from '../openai-compatible'
import { createReasoningHandoff } from '../openai-compatible/create-reasoning-handoff'
import type { Provider, ProviderContext } from '../provider-definition'
import { countKimiTokens } from './count-kimi-tokens'
import { createKimiChatQuirks } from './create-kimi-chat-quirks'
import type { KimiProviderConfig } from './parse-kimi-config'
import { withBearerAuth } from './with-bearer-auth'

/**
 * Kimi (Moonshot AI). Everything is translated onto Chat Completions, except Anthropic Messages clients
 * when the Anthropic-compatible endpoint is on: their requests are forwarded as they are (thinking blocks,
 * cache_control and Anthropic tool semantics survive), unless they hold reasoning another upstream
 * produced, which only translation can drop. Chat clients are translated too, so the per-model rules apply
 * to them (fixed sampling, thinking switches, reasoning replay). Token counts come from Moonshot's estimate API.
 */
export function createKimiProvider(config: KimiProviderConfig, context: ProviderContext): Provider {
  const { instanceId } = config
  const reasoning = createReasoningHandoff()
  const quirks = createKimiChatQuirks(reasoning.reasoningOf)
  const base = createOpenAiCompatibleProvider(
    { instanceId, type: 'kimi', baseUrl: config.baseUrl, ...(config.apiKey ? { apiKey: config.apiKey } : {}), headers: config.headers, quirks },
    context,
  )
  const anthropic = config.anthropicBaseUrl
    ? createAnthropicProvider({
        config: { id: instanceId, type: 'anthropic', baseUrl: config.anthropicBaseUrl, ...(config.apiKey ? { apiKey: config.apiKey } : {}), priority: 0, enabled: true },
        http: withBearerAuth(context.http),
        logger: context.logger,
        secrets: context.secrets,
      })
    : undefined
  const resolvedQuirks = resolveOpenAiChatQuirks(config.baseUrl, quirks)

  return {
    id: instanceId,
    type: 'kimi',
    dialect: 'openai-chat',
    passthroughOperations: anthropic ? ['anthropic-messages'] : [],
    listModels: (options) => base.listModels(options),
    generate: (request, options) => base.generate(reasoning.withhold(request), options),
    stream: (request, options) => base.stream(reasoning.withhold(request), options),

    async countTokens(request, options) {
      const built = buildOpenAiChatRequestBody(reasoning.withhold(request), resolvedQuirks, { stream: false })
      if (built.warnings.length > 0) context.logger.debug({ requestId: options.requestId, warnings: built.warnings }, 'token count of a request Kimi cannot fully express')
      return countKimiTokens(built.body, { instanceId, baseUrl: config.baseUrl, ...(config.apiKey ? { apiKey: config.apiKey } : {}), headers: config.headers, http: context.http }, options)
    },

    async passthrough(request, options) {
      if (request.operation !== 'anthropic-messages' || !anthropic?.passthrough) {
        throw new GatewayError({ status: 500, type: 'internal', code: 'passthrough_unsupported', message: `Provider "${instanceId}" (kimi) cannot forward ${request.operation} requests.` })
      }
      return anthropic.passthrough(request, options)
    },
  }
}
