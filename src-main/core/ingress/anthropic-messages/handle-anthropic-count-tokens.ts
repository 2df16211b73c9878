import type { Context } from 'hono'
import type { CifRequest } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'
import { lowerCaseHeaders, type GenerationDeps } from '../../http/handle-generation'
import type { GatewayEnv } from '../../http/gateway-env'
import { readJsonBody } from '../../http/read-json-body'
import { withModel } from '../../providers/http/json-text'
import type { ProviderCallOptions } from '../../providers/provider-definition'
import { estimateInputTokens } from '../../tokens/estimate-input-tokens'
import { parseAnthropicCountTokensRequest } from './parse-anthropic-count-tokens-request'

/** Says whether `input_tokens` is the upstream's exact count (`false`) or the gateway's estimate (`true`). */
export const tokenEstimateHeader = 'x-omnillm-token-estimate'

/** Statuses meaning "this upstream has no counting endpoint": then the local estimate answers instead. */
const noCountingEndpoint = new Set([404, 405, 501])

function isMissingEndpoint(error: unknown): boolean {
  return UpstreamError.isUpstreamError(error) && !error.connectionError && noCountingEndpoint.has(error.upstreamStatus)
}

/**
 * POST /v1/messages/count_tokens: an Anthropic upstream with passthrough counts (the body is forwarded);
 * else a provider with a counting API counts; else, or when the upstream turns out to lack the endpoint,
 * the gateway estimates locally.
 */
export async function handleAnthropicCountTokens(c: Context<GatewayEnv>, deps: GenerationDeps): Promise<Response> {
  const body = await readJsonBody(c)
  const headers = lowerCaseHeaders(c)
  const parsed = parseAnthropicCountTokensRequest(body, headers)
  c.set('model', parsed.request.model)
  const route = await deps.resolve(parsed.request.model)
  const requestId = c.get('requestId')
  const options: ProviderCallOptions = { signal: c.req.raw.signal, clientHeaders: headers, requestId }
  const request: CifRequest = { ...parsed.request, model: route.upstreamModel }
  c.header('x-omnillm-provider', route.provider.id)
  c.header('x-omnillm-model', route.upstreamModel)

  const estimate = (reason: string, error?: unknown): Response => {
    if (error) deps.logger.info({ requestId, err: error }, reason)
    c.header(tokenEstimateHeader, 'true')
    return c.json({ input_tokens: estimateInputTokens(request) })
  }

  try {
    const forwards = route.provider.passthroughOperations?.includes('anthropic-count-tokens') ?? route.provider.dialect === 'anthropic-messages'
    if (forwards && route.provider.passthrough) {
      const upstream = await route.provider.passthrough({ operation: 'anthropic-count-tokens', body: withModel(body, route.upstreamModel), stream: false }, options)
      c.header(tokenEstimateHeader, 'false')
      return c.body(upstream.body, upstream.status as 200, { 'content-type': upstream.contentType })
    }
    if (route.provider.countTokens) {
      if (parsed.warnings.length > 0) deps.logger.warn({ requestId, warnings: parsed.warnings }, 'request features the gateway could not express')
      const inputTokens = await route.provider.countTokens(request, options)
      c.header(tokenEstimateHeader, 'false')
      return c.json({ input_tokens: inputTokens })
    }
  } catch (error) {
    if (isMissingEndpoint(error)) return estimate('the upstream has no token counting endpoint; answering with the local estimate', error)
    throw error
  }
  return estimate('no upstream token counting')
}
