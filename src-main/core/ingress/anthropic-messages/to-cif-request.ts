import type { CifRequest, CifWarning } from '../../cif'
import type { AnthropicRequestFields } from './anthropic-messages-request-schema'
import { reportUnmappedFields } from './report-unmapped-fields'
import { toCifCacheControl } from './to-cif-cache-control'
import { toCifMessages } from './to-cif-messages'
import { toCifReasoning } from './to-cif-reasoning'
import { toCifSystemParts } from './to-cif-system-parts'
import { toCifToolChoice } from './to-cif-tool-choice'
import { toCifTools } from './to-cif-tools'

/** The prompt fields that /v1/messages and /v1/messages/count_tokens share → a CIF request (not streaming). */
export function toCifRequest(body: AnthropicRequestFields, warnings: CifWarning[]): CifRequest {
  const request: CifRequest = {
    model: body.model,
    system: body.system === undefined ? [] : toCifSystemParts(body.system, 'system', warnings),
    messages: toCifMessages(body.messages, warnings),
    stream: false,
  }
  if (body.tools && body.tools.length > 0) request.tools = toCifTools(body.tools, warnings)
  if (body.tool_choice) Object.assign(request, toCifToolChoice(body.tool_choice))
  const reasoning = toCifReasoning(body, warnings)
  if (reasoning) request.reasoning = reasoning
  if (body.output_config) reportUnmappedFields(body.output_config, ['effort', 'format'], 'output_config', warnings)
  const format = body.output_config?.format
  if (format) request.responseFormat = { type: 'json-schema', schema: format.schema }
  const cacheControl = toCifCacheControl(body.cache_control, '', warnings)
  if (cacheControl) request.cacheControl = cacheControl
  return request
}
