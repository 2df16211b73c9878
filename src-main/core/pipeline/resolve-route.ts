import type { Logger } from 'pino'
import type { VirtualModelConfig } from '../config/gateway-config-schema'
import { GatewayError, notFound } from '../errors/gateway-error'
import type { Provider } from '../providers/provider-definition'
import type { VirtualUpstream } from '../routing/select-candidates'
import { closeModelMatches } from './close-model-matches'
import type { ModelCatalogue } from './model-catalogue'
import { resolveModelAlias } from './resolve-model-alias'

/** One instance that may serve a request, with the model name it receives. */
export interface ResolvedCandidate {
  provider: Provider
  /** The model name the upstream receives. */
  upstreamModel: string
  /** Retry once without streaming when the upstream stream fails before its first byte. */
  nonStreamingFallback: boolean
}

/** The candidates in the order to try them; the first one's fields are repeated on the route itself. */
export interface ResolvedRoute extends ResolvedCandidate {
  candidates: ResolvedCandidate[]
}

export interface RouteSources {
  providers: Map<string, Provider>
  catalogue: ModelCatalogue
  fallbackFor?: (instanceId: string) => boolean
  /** The config file's virtual models, by id. */
  virtualModels?: Map<string, VirtualModelConfig>
  /** A virtual model's upstreams in the order to try them (routing/select-candidates.ts). */
  selectCandidates?: (virtualModel: VirtualModelConfig) => VirtualUpstream[]
  /** The `activeProvider` setting's current value (create-active-provider.ts); default: the first instance. */
  activeInstanceId?: () => string | undefined
  /** Each instance's `priority` (lower first; default 0), for bare names served by several instances. */
  priorityOf?: (instanceId: string) => number
  /** The instance whose `subtitle` is this prefix (case-insensitive), if any. */
  instanceForSubtitle?: (prefix: string) => string | undefined
  /** Alias mappings are logged at debug. */
  logger?: Pick<Logger, 'debug'>
}

/**
 * Model name → candidates, first rule that matches:
 * 1. an exact id served by the active instance (ids with `/`, like `Qwen/Qwen3-Coder`, stay whole); for a
 *    name with an instance prefix only its configured or already listed models count, so a prefixed request
 *    never waits for the active instance's listing;
 * 2. `instance-id:model` (or `subtitle:model`, the instance's `subtitle` in any case) picks that instance and
 *    strips the prefix (only when the part before the first `:` names an instance, so `qwen3:8b` stays whole);
 * 3. a virtual model id gives its upstreams in strategy order (disabled instances left out);
 * 4. an exact id served by any enabled instance, by `priority` (lower first), then config order;
 * 5. aliases for Claude Code's names (resolve-model-alias.ts), logged at debug.
 * Models turned off (model-catalogue.ts) match no rule: unknown → 404 naming close matches; a turned-off
 * model asked for by `instance-id:model` → 404 `model_disabled`.
 */
export async function resolveRoute(model: string, sources: RouteSources): Promise<ResolvedRoute> {
  const { providers, catalogue } = sources
  const fallbackFor = sources.fallbackFor ?? (() => false)
  const candidate = (provider: Provider, upstreamModel: string): ResolvedCandidate => ({ provider, upstreamModel, nonStreamingFallback: fallbackFor(provider.id) })
  const instanceOrder = orderedInstances([...providers.keys()], sources.activeInstanceId?.(), sources.priorityOf)
  const active = instanceOrder[0]

  const colon = model.indexOf(':')
  const prefix = colon > 0 ? model.slice(0, colon) : undefined
  const prefixed = prefix === undefined ? undefined : (providers.get(prefix) ?? providers.get(sources.instanceForSubtitle?.(prefix) ?? ''))
  if (active !== undefined) {
    // A prefixed name does not wait for the active instance's model list: only what is known already counts.
    const activeModels = prefixed ? catalogue.knownModelsOf(active) : await catalogue.modelsOf(active)
    if (activeModels.some((served) => served.id === model)) return routeFor([candidate(providers.get(active)!, model)])
  }
  if (prefixed) {
    const upstreamModel = model.slice(colon + 1)
    if (catalogue.isDisabled(prefixed.id, upstreamModel)) throw modelTurnedOff(prefixed.id, upstreamModel)
    return routeFor([candidate(prefixed, upstreamModel)])
  }
  const virtualModel = sources.virtualModels?.get(model)
  if (virtualModel) {
    const ordered = sources.selectCandidates?.(virtualModel) ?? virtualModel.upstreams
    const candidates = ordered.flatMap((upstream) => {
      const provider = providers.get(upstream.provider)
      return provider && !catalogue.isDisabled(provider.id, upstream.model) ? [candidate(provider, upstream.model)] : []
    })
    if (candidates.length > 0) return routeFor(candidates)
    throw new GatewayError({
      status: 503,
      type: 'overloaded',
      code: 'no_enabled_upstream',
      message: `Every upstream of the virtual model "${model}" is on a disabled provider instance or a model that was turned off.`,
    })
  }
  const entries = await catalogue.entries()
  const servedBy = instanceOrder.find((instanceId) => entries.some((entry) => entry.instanceId === instanceId && entry.model.id === model))
  if (servedBy !== undefined) return routeFor([candidate(providers.get(servedBy)!, model)])

  const alias = resolveModelAlias(model, entries, instanceOrder)
  if (alias) {
    sources.logger?.debug({ model, instanceId: alias.instanceId, upstreamModel: alias.model, rule: alias.rule }, `model alias: "${model}" → ${alias.instanceId}:${alias.model}`)
    return routeFor([candidate(providers.get(alias.instanceId)!, alias.model)])
  }

  const known = [...(sources.virtualModels?.keys() ?? []), ...entries.map((entry) => entry.model.id)]
  const close = closeModelMatches(model, known)
  const hint = close.length > 0 ? ` Did you mean ${close.map((id) => `"${id}"`).join(', ')}?` : ''
  const instances = [...providers.keys()]
  const prefixHint = instances.length > 0 ? ` Use "<instance>:<model>" with one of: ${instances.join(', ')}.` : ' No provider is configured.'
  throw notFound(`The model "${model}" is not served by any configured provider.${hint}${prefixHint}`, 'model_not_found')
}

function modelTurnedOff(instanceId: string, model: string): GatewayError {
  return notFound(`The model "${model}" of provider "${instanceId}" is turned off (admin: models:set-enabled).`, 'model_disabled')
}

/** The active instance first, then the rest by priority (lower first), then config order (a stable sort). */
export function orderedInstances(configOrder: string[], activeId: string | undefined, priorityOf: (instanceId: string) => number = () => 0): string[] {
  const active = activeId !== undefined && configOrder.includes(activeId) ? activeId : configOrder[0]
  const rest = configOrder.filter((id) => id !== active).sort((a, b) => priorityOf(a) - priorityOf(b))
  return active === undefined ? rest : [active, ...rest]
}

/** A route over these candidates (at least one), the first one's fields repeated on it. */
export function routeFor(candidates: ResolvedCandidate[]): ResolvedRoute {
  return { ...candidates[0]!, candidates }
}
