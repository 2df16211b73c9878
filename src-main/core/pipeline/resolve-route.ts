import { notFound } from '../errors/gateway-error'
import type { Provider } from '../providers/provider-definition'
import type { ModelCatalogue } from './model-catalogue'

export interface ResolvedRoute {
  provider: Provider
  /** The model name the upstream receives. */
  upstreamModel: string
  /** Retry once without streaming when the upstream stream fails before its first byte. */
  nonStreamingFallback: boolean
}

/**
 * Model name → instance, for now (the routing issue adds virtual models, aliases and failover):
 * `instance-id:model` picks that instance and strips the prefix; a bare name goes to the first instance
 * (in configuration order) that serves it. Unknown → 404 naming the choices.
 */
export async function resolveRoute(
  model: string,
  providers: Map<string, Provider>,
  catalogue: ModelCatalogue,
  fallbackFor: (instanceId: string) => boolean = () => false,
): Promise<ResolvedRoute> {
  const route = (provider: Provider, upstreamModel: string): ResolvedRoute => ({ provider, upstreamModel, nonStreamingFallback: fallbackFor(provider.id) })
  const colon = model.indexOf(':')
  if (colon > 0) {
    const provider = providers.get(model.slice(0, colon))
    if (provider) return route(provider, model.slice(colon + 1))
  }
  const entries = await catalogue.entries()
  const match = entries.find((entry) => entry.model.id === model)
  if (match) return route(providers.get(match.instanceId)!, model)

  const known = entries.map((entry) => entry.model.id)
  const close = known.filter((id) => id.includes(model) || model.includes(id)).slice(0, 5)
  const hint = close.length > 0 ? ` Did you mean ${close.map((id) => `"${id}"`).join(', ')}?` : ''
  const instances = [...providers.keys()]
  const prefixHint = instances.length > 0 ? ` Use "<instance>:<model>" with one of: ${instances.join(', ')}.` : ' No provider is configured.'
  throw notFound(`The model "${model}" is not served by any configured provider.${hint}${prefixHint}`, 'model_not_found')
}
