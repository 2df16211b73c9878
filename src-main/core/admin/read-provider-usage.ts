import { randomBytes } from 'node:crypto'
import { GatewayError } from '../errors/gateway-error'
import type { Provider, ProviderCallOptions, ProviderUsage } from '../providers/provider-definition'

/** The options of a call the gateway makes on its own behalf (no client request behind it). */
export function ownCallOptions(signal: AbortSignal = AbortSignal.timeout(30_000)): ProviderCallOptions {
  return { signal, clientHeaders: {}, requestId: randomBytes(8).toString('hex') }
}

/** The instance, or 404 `unknown_provider`. */
export function findProvider(providers: ReadonlyMap<string, Provider>, id: string | undefined): Provider {
  const provider = id === undefined ? undefined : providers.get(id)
  if (!provider) {
    const message = id === undefined ? 'No provider instance is enabled.' : `No enabled provider instance has the id "${id}".`
    throw new GatewayError({ status: 404, type: 'not_found', code: 'unknown_provider', message })
  }
  return provider
}

/** An instance's usage report; 404 for an unknown instance, 501 `usage_unsupported` for a type without one. */
export async function readProviderUsage(providers: ReadonlyMap<string, Provider>, id: string | undefined, options: ProviderCallOptions = ownCallOptions()): Promise<ProviderUsage> {
  const provider = findProvider(providers, id)
  if (!provider.usage) {
    throw new GatewayError({ status: 501, type: 'internal', code: 'usage_unsupported', message: `Provider "${provider.id}" (${provider.type}) has no usage report; only types whose upstream reports quota (github-copilot) do.` })
  }
  return provider.usage(options)
}
