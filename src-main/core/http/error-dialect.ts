import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { toAnthropicErrorBody } from '../ingress/anthropic-messages/to-anthropic-error-body'
import { toOpenAiErrorBody } from '../ingress/openai-chat/to-openai-error-body'
import type { GatewayError } from '../errors/gateway-error'

export type ErrorDialect = 'anthropic' | 'openai'

/** Anthropic clients call /v1/messages*; every other route answers errors in OpenAI's shape. */
export function errorDialectForPath(path: string): ErrorDialect {
  return path === '/v1/messages' || path.startsWith('/v1/messages/') ? 'anthropic' : 'openai'
}

export function errorResponse(c: Context, error: GatewayError): Response {
  const body = errorDialectForPath(c.req.path) === 'anthropic' ? toAnthropicErrorBody(error) : toOpenAiErrorBody(error)
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
  return c.json(body, error.status as ContentfulStatusCode)
}
