import type { VirtualModelConfig } from '../config/gateway-config-schema'
import { GatewayError, notFound } from '../errors/gateway-error'
import type { Provider } from '../providers/provider-definition'
import type { VirtualUpstream } from '../routing/select-candidates'
import type { ModelCatalogue } from './model-catalogue'

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
}

/**
 * Model name → candidates: `instance-id:model` picks that instance and strips the prefix; a virtual model id
 * gives its upstreams in strategy order (disabled instances left out); a bare name goes to the first instance
 * (in configuration order) that serves it. Unknown → 404 naming the choices.
 */
export async function resolveRoute(model: string, sources: RouteSources): Promise<ResolvedRoute> {
  const { providers, catalogue } = sources
  const fallbackFor = sources.fallbackFor ?? (() => false)
  const candidate = (provider: Provider, upstreamModel: string): ResolvedCandidate => ({ provider, upstreamModel, nonStreamingFallback: fallbackFor(provider.id) })
  const colon = model.indexOf(':')
  if (colon > 0) {
    const provider = providers.get(model.slice(0, colon))
    if (provider) return routeFor([candidate(provider, model.slice(colon + 1))])
  }
  const virtualModel = sources.virtualModels?.get(model)
  if (virtualModel) {
    const ordered = sources.selectCandidates?.(virtualModel) ?? virtualModel.upstreams
    const candidates = ordered.flatMap((upstream) => {
      const provider = providers.get(upstream.provider)
      return provider ? [candidate(provider, upstream.model)] : []
    })
    if (candidates.length > 0) return routeFor(candidates)
    throw new GatewayError({ status: 503, type: 'overloaded', code: 'no_enabled_upstream', message: `Every upstream of the virtual model "${model}" is on a disabled provider instance.` })
  }
  const entries = await catalogue.entries()
  const match = entries.find((entry) => entry.model.id === model)
  if (match) return routeFor([candidate(providers.get(match.instanceId)!, model)])

  const known = [...(sources.virtualModels?.keys() ?? []), ...entries.map((entry) => entry.model.id)]
  const close = known.filter((id) => id.includes(model) || model.includes(id)).slice(0, 5)
  const hint = close.length > 0 ? ` Did you mean ${close.map((id) => `"${id}"`).join(', ')}?` : ''
  const instances = [...providers.keys()]
  const prefixHint = instances.length > 0 ? ` Use "<instance>:<model>" with one of: ${instances.join(', ')}.` : ' No provider is configured.'
  throw notFound(`The model "${model}" is not served by any configured provider.${hint}${prefixHint}`, 'model_not_found')
}

/** A route over these candidates (at least one), the first one's fields repeated on it. */
export function routeFor(candidates: ResolvedCandidate[]): ResolvedRoute {
  return { ...candidates[0]!, candidates }
}
