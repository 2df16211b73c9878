import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { GatewayEnv } from '../../http/gateway-env'
import { handleGeneration, type GenerationDeps } from '../../http/handle-generation'
import type { OpenAiResponseRepository } from '../../store/openai-response-repository'
import { createOpenAiResponsesSurface } from './create-openai-responses-surface'
import { OpenAiResponsesError, responseNotFound } from './openai-responses-error'

export type OpenAiResponsesRouteDeps = GenerationDeps & { responses: OpenAiResponseRepository }

/**
 * `POST /v1/responses` over any upstream (no upstream speaks Responses yet, so there is no passthrough),
 * `GET /v1/responses/{id}` from the store, and a quick refusal of Codex's WebSocket attempts on
 * `GET /v1/responses` so it falls back to HTTP at once.
 */
export function openAiResponsesRoutes(deps: OpenAiResponsesRouteDeps): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>()

  app.post('/v1/responses', (c) => withResponsesErrors(c, () => handleGeneration(c, createOpenAiResponsesSurface(deps), deps)))

  app.get('/v1/responses/:id', (c) =>
    withResponsesErrors(c, async () => {
      const stored = deps.responses.get(c.req.param('id'))
      if (!stored) throw responseNotFound(c.req.param('id'))
      return c.json(stored.response)
    }),
  )

  app.get('/v1/responses', (c) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') return c.notFound()
    return c.json(
      { error: { message: 'This gateway does not offer the Responses API over WebSocket; use HTTP POST /v1/responses.', type: 'invalid_request_error', param: null, code: 'websocket_not_supported' } },
      426,
    )
  })

  return app
}

/** Errors that name a `param` get the official body here; every other error goes to the app's handler. */
async function withResponsesErrors(c: Context<GatewayEnv>, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run()
  } catch (error) {
    if (!(error instanceof OpenAiResponsesError)) throw error
    return c.json(error.toBody(), error.status as ContentfulStatusCode)
  }
}
