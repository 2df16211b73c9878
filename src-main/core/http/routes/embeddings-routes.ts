import { Hono } from 'hono'
import { z } from 'zod'
import { invalidRequest } from '../../errors/gateway-error'
import type { Logger } from 'pino'
import type { ResolvedRoute } from '../../pipeline/resolve-route'
import type { CircuitBreaker } from '../../routing/create-circuit-breaker'
import { failOver } from '../../routing/fail-over'
import type { GatewayEnv } from '../gateway-env'
import { lowerCaseHeaders } from '../handle-generation'
import { readJsonBody } from '../read-json-body'
import { recordAttempts } from '../record-attempts'

const embeddingsRequestSchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1), z.array(z.number().int()).min(1), z.array(z.array(z.number().int()).min(1)).min(1)]),
  dimensions: z.number().int().positive().optional(),
  encoding_format: z.enum(['float', 'base64']).optional(),
  user: z.string().optional(),
})

export interface EmbeddingsRouteDeps {
  resolve(model: string): Promise<ResolvedRoute>
  logger: Logger
  breaker?: CircuitBreaker
}

/**
 * `POST /v1/embeddings` in OpenAI's shape, served by any provider that offers embeddings. A virtual model
 * fails over like generation does: retryable failures move on to the next candidate that embeds.
 */
export function embeddingsRoutes(deps: EmbeddingsRouteDeps): Hono<GatewayEnv> {
  const routes = new Hono<GatewayEnv>()
  routes.post('/v1/embeddings', async (c) => {
    const parsed = embeddingsRequestSchema.safeParse(await readJsonBody(c))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw invalidRequest(`${issue.path.join('.') || 'body'}: ${issue.message}`)
    }
    const body = parsed.data
    c.set('model', body.model)
    const route = await deps.resolve(body.model)
    const candidates = route.candidates.filter((candidate) => candidate.provider.embed)
    if (candidates.length === 0) throw invalidRequest(`The provider "${route.provider.id}" does not offer embeddings.`, 'embeddings_not_supported')
    const input = typeof body.input === 'string' ? [body.input] : body.input.length > 0 && typeof body.input[0] === 'number' ? [body.input as number[]] : (body.input as string[] | number[][])
    const requestId = c.get('requestId')
    const options = { signal: c.req.raw.signal, clientHeaders: lowerCaseHeaders(c), requestId }
    const attempts = recordAttempts(c)
    const result = await failOver({
      candidates,
      logger: deps.logger,
      requestId,
      signal: c.req.raw.signal,
      breaker: deps.breaker,
      onFailure: attempts.failed,
      attempt: (candidate) => {
        attempts.began(candidate)
        c.header('x-omnillm-provider', candidate.provider.id)
        c.header('x-omnillm-model', candidate.upstreamModel)
        return candidate.provider.embed!({ model: candidate.upstreamModel, input, dimensions: body.dimensions, encodingFormat: body.encoding_format, user: body.user }, options)
      },
    })
    return c.json({
      object: 'list',
      data: result.embeddings.map((embedding, index) => ({ object: 'embedding', index, embedding })),
      model: body.model,
      usage: { prompt_tokens: result.inputTokens ?? 0, total_tokens: result.inputTokens ?? 0 },
    })
  })
  return routes
}
