import { Hono } from 'hono'
import type { GatewayEnv } from '../../http/gateway-env'
import { type GenerationDeps, handleGeneration } from '../../http/handle-generation'
import { createOpenAiChatSurface } from './create-openai-chat-surface'

/** `POST /v1/chat/completions`: OpenAI Chat Completions clients (OpenCode, the openai SDK, the AI SDK). */
export function openAiChatRoutes(deps: GenerationDeps): Hono<GatewayEnv> {
  const routes = new Hono<GatewayEnv>()
  routes.post('/v1/chat/completions', (c) => handleGeneration(c, createOpenAiChatSurface(), deps))
  return routes
}
