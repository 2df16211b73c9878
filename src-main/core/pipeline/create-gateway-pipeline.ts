import type { Logger } from 'pino'
import type { ProviderConfig, VirtualModelConfig } from '../config/gateway-config-schema'
import { createUpstreamHttpClient, type UpstreamHttpClient } from '../providers/http/upstream-http-client'
import type { Provider, ProviderDefinition } from '../providers/provider-definition'
import { createMemorySecretStore } from '../secrets/memory-secret-store'
import type { DisabledModelRepository } from '../store/disabled-model-repository'
import type { SecretStore } from '../secrets/secret-store'
import { checkVirtualModels } from '../routing/check-virtual-models'
import { createRoundRobinTurns } from '../routing/create-round-robin-turns'
import { indexSubtitles } from '../routing/subtitle-index'
import { selectCandidates, type SelectionSources } from '../routing/select-candidates'
import { createModelCatalogue } from './model-catalogue'
import { createProviders } from './create-providers'
import { resolveRoute, type ResolvedRoute } from './resolve-route'

export interface GatewayPipeline {
  providers: Map<string, Provider>
  catalogue: ReturnType<typeof createModelCatalogue>
  resolve(model: string): Promise<ResolvedRoute>
  /** The virtual model ids, in configuration order (for /v1/models). */
  virtualModelIds: string[]
  close(): Promise<void>
}

export function createGatewayPipeline(options: {
  providerConfigs: ProviderConfig[]
  definitions: readonly ProviderDefinition[]
  logger: Logger
  configFile?: string
  /** settings.allowLocalEndpoints: the SSRF guard's opt-in, for the start-up check and every upstream connection. */
  allowLocalEndpoints: boolean
  http?: UpstreamHttpClient
  /** Instances' OAuth tokens; default: an in-memory store (tests that need none). */
  secrets?: SecretStore
  /** The config file's `virtualModels`. */
  virtualModels?: VirtualModelConfig[]
  /** Round-robin turns and the random source (tests fix them). */
  selection?: SelectionSources
  /** Models the operator turned off (kept in SQLite); default: none, and toggles last until exit. */
  disabledModels?: DisabledModelRepository
  /** The active instance's id (create-active-provider.ts); default: the first enabled instance. */
  activeInstanceId?: () => string | undefined
}): GatewayPipeline {
  const { allowLocalEndpoints } = options
  const http = options.http ?? createUpstreamHttpClient({ allowLocalEndpoints })
  const list = createProviders({ configs: options.providerConfigs, definitions: options.definitions, http, logger: options.logger, configFile: options.configFile, allowLocalEndpoints, secrets: options.secrets ?? createMemorySecretStore() })
  const providers = new Map(list.map((provider) => [provider.id, provider]))
  const configuredModels = new Map(options.providerConfigs.map((config) => [config.id, config.models]))
  const catalogue = createModelCatalogue({ providers: list, configuredModels, logger: options.logger, disabledModels: options.disabledModels })
  const fallback = nonStreamingFallbackSwitches(options.providerConfigs, options.definitions)
  const virtualModelList = options.virtualModels ?? []
  checkVirtualModels(virtualModelList, options.providerConfigs, options.configFile)
  const virtualModels = new Map(virtualModelList.map((virtualModel) => [virtualModel.id, virtualModel]))
  const selection = options.selection ?? { random: Math.random, nextTurn: createRoundRobinTurns() }
  const subtitles = indexSubtitles(options.providerConfigs, options.configFile)
  const priorities = new Map(options.providerConfigs.map((config) => [config.id, config.priority ?? 0]))
  return {
    providers,
    catalogue,
    resolve: (model) =>
      resolveRoute(model, {
        providers,
        catalogue,
        fallbackFor: (instanceId) => fallback.get(instanceId) ?? false,
        virtualModels,
        selectCandidates: (virtualModel) => selectCandidates(virtualModel, selection),
        activeInstanceId: options.activeInstanceId,
        priorityOf: (instanceId) => priorities.get(instanceId) ?? 0,
        instanceForSubtitle: (prefix) => subtitles.get(prefix.toLowerCase()),
        logger: options.logger,
      }),
    virtualModelIds: [...virtualModels.keys()],
    close: () => http.close(),
  }
}

/** Each instance's `nonStreamingFallback`: its config entry, else its provider type's default, else off. */
function nonStreamingFallbackSwitches(configs: ProviderConfig[], definitions: readonly ProviderDefinition[]): Map<string, boolean> {
  const defaults = new Map(definitions.map((definition) => [definition.type, definition.defaults?.nonStreamingFallback ?? false]))
  return new Map(configs.map((config) => [config.id, typeof config.nonStreamingFallback === 'boolean' ? config.nonStreamingFallback : (defaults.get(config.type) ?? false)]))
}
