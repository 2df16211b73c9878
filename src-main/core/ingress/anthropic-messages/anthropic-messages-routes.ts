import { Hono } from 'hono'
import { handleGeneration, type GenerationDeps } from '../../http/handle-generation'
import type { GatewayEnv } from '../../http/gateway-env'
import { createAnthropicMessagesSurface } from './create-anthropic-messages-surface'
import { handleAnthropicCountTokens } from './handle-anthropic-count-tokens'

/**
 * The Anthropic client surface: POST /v1/messages and POST /v1/messages/count_tokens. Query strings
 * (Claude Code's `?beta=true`) and any `anthropic-version` / `anthropic-beta` are accepted as they come.
 */
export function anthropicMessagesRoutes(deps: GenerationDeps): Hono<GatewayEnv> {
  const routes = new Hono<GatewayEnv>()
  routes.post('/v1/messages', (c) => handleGeneration(c, createAnthropicMessagesSurface(), deps))
  routes.post('/v1/messages/count_tokens', (c) => handleAnthropicCountTokens(c, deps))
  return routes
}
