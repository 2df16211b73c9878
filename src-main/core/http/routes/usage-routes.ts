import { Hono, type Context } from 'hono'
import { findProvider, readProviderUsage } from '../../admin/read-provider-usage'
import { maskSecret } from '../../auth/mask-secret'
import { GatewayError } from '../../errors/gateway-error'
import type { Provider, ProviderCallOptions } from '../../providers/provider-definition'
import type { GatewayEnv } from '../gateway-env'
import { lowerCaseHeaders } from '../handle-generation'

export interface UsageRoutesOptions {
  providers: ReadonlyMap<string, Provider>
  /** The active instance (the one a bare model name goes to first). */
  activeProviderId: () => string | undefined
  /** settings.showToken (`--show-token`): `GET /token` shows the token in full. */
  showToken: boolean
}

/**
 * copilot-api's two account routes, for the active provider instance:
 * - `GET /usage`: the upstream's usage/quota report as it sends it (404 without an active instance,
 *   501 `usage_unsupported` when its type has none);
 * - `GET /token`: the upstream credential in use now (Copilot's exchanged token), masked unless the
 *   gateway was started with `--show-token`.
 * Both need the inbound API key, like every route.
 */
export function usageRoutes(options: UsageRoutesOptions): Hono<GatewayEnv> {
  const routes = new Hono<GatewayEnv>()
  const callOptions = (c: Context<GatewayEnv>): ProviderCallOptions => ({ signal: c.req.raw.signal, clientHeaders: lowerCaseHeaders(c), requestId: c.get('requestId') })

  routes.get('/usage', async (c) => c.json(await readProviderUsage(options.providers, options.activeProviderId(), callOptions(c))))

  routes.get('/token', async (c) => {
    const provider = findProvider(options.providers, options.activeProviderId())
    if (!provider.currentToken) {
      throw new GatewayError({ status: 501, type: 'internal', code: 'token_unsupported', message: `Provider "${provider.id}" (${provider.type}) has no exchanged token to show.` })
    }
    const token = await provider.currentToken(callOptions(c))
    if (!token) throw new GatewayError({ status: 404, type: 'not_found', code: 'no_token', message: `Provider "${provider.id}" holds no token right now.` })
    return c.json({ instanceId: provider.id, token: options.showToken ? token : maskSecret(token), masked: !options.showToken })
  })
  return routes
}
