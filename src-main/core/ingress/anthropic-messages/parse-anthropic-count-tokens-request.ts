import type { CifWarning } from '../../cif'
import type { ParsedClientRequest } from '../../http/handle-generation'
import { anthropicRequestFieldsSchema } from './anthropic-messages-request-schema'
import { assertCacheBreakpointLimit } from './assert-cache-breakpoint-limit'
import { dialectExtrasOf } from './dialect-extras-of'
import { invalidRequestFromZodError } from './invalid-request-from-zod-error'
import { toCifRequest } from './to-cif-request'

/** A POST /v1/messages/count_tokens body (model, messages, system, tools, thinking, tool_choice …; no max_tokens) → CIF. */
export function parseAnthropicCountTokensRequest(body: Record<string, unknown>, _headers: Record<string, string>): ParsedClientRequest {
  const parsed = anthropicRequestFieldsSchema.safeParse(body)
  if (!parsed.success) throw invalidRequestFromZodError(parsed.error, body)
  assertCacheBreakpointLimit(parsed.data)
  const warnings: CifWarning[] = []
  const request = toCifRequest(parsed.data, warnings)
  const extras = dialectExtrasOf(parsed.data, anthropicRequestFieldsSchema)
  if (extras) request.dialectExtras = extras
  return { request, warnings }
}
