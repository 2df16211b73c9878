import type { CifWarning } from '../../cif'
import type { ParsedClientRequest } from '../../http/handle-generation'
import { anthropicMessagesRequestSchema } from './anthropic-messages-request-schema'
import { assertCacheBreakpointLimit } from './assert-cache-breakpoint-limit'
import { dialectExtrasOf } from './dialect-extras-of'
import { invalidRequestFromZodError } from './invalid-request-from-zod-error'
import { reportUnmappedFields } from './report-unmapped-fields'
import { toCifRequest } from './to-cif-request'

/**
 * A POST /v1/messages body → CIF. Bad input is a 400 naming the field. The headers (`anthropic-version`,
 * `anthropic-beta`) are informational: any value is accepted, and providers read them from the call options.
 */
export function parseAnthropicMessagesRequest(body: Record<string, unknown>, _headers: Record<string, string>): ParsedClientRequest {
  const parsed = anthropicMessagesRequestSchema.safeParse(body)
  if (!parsed.success) throw invalidRequestFromZodError(parsed.error, body)
  const value = parsed.data
  assertCacheBreakpointLimit(value)

  const warnings: CifWarning[] = []
  const request = toCifRequest(value, warnings)
  request.maxOutputTokens = value.max_tokens
  request.stream = value.stream ?? false
  if (value.stop_sequences && value.stop_sequences.length > 0) request.stopSequences = value.stop_sequences
  if (value.temperature !== undefined) request.temperature = value.temperature
  if (value.top_p !== undefined) request.topP = value.top_p
  if (value.top_k !== undefined) request.topK = value.top_k
  if (value.metadata) {
    reportUnmappedFields(value.metadata, ['user_id'], 'metadata', warnings)
    // Claude Code sends a JSON-encoded string ({"device_id":…,"session_id":…}); it is kept verbatim.
    if (value.metadata.user_id) request.user = value.metadata.user_id
  }
  const extras = dialectExtrasOf(value, anthropicMessagesRequestSchema)
  if (extras) request.dialectExtras = extras
  return { request, warnings }
}
