import { isJsonObject, joinPath, optionalNumber, rejectExtraFields, requireObject, requireOneOf, requireString, type JsonObject } from './anthropic-mock-checks'
import { rejectRequest } from './anthropic-mock-error'
import { checkMockCacheBreakpoints, validateMockCacheControl } from './anthropic-mock-validate-cache-control'
import { mockTextOnlyBlockTypes, validateMockContentBlock } from './anthropic-mock-validate-content-block'
import { validateMockMessages } from './anthropic-mock-validate-messages'
import { validateMockToolChoice, validateMockTools } from './anthropic-mock-validate-tools'
import { hasAnthropicBeta, isAnthropicVersion2026, type AnthropicMockValidationContext } from './anthropic-mock-validation-context'

/** Top-level fields per endpoint (API reference). */
const samplingFields = ['temperature', 'top_p', 'top_k']
const messagesFields = ['model', 'messages', 'max_tokens', 'system', 'metadata', 'stop_sequences', 'stream', 'tools', 'tool_choice', 'thinking', 'service_tier', 'output_config', 'cache_control', 'container', 'inference_geo', 'speed', 'diagnostics']
const countTokensFields = ['model', 'messages', 'system', 'tools', 'tool_choice', 'thinking', 'cache_control', 'output_config', 'speed']
/** Fields that exist only with their beta header (without it: "Extra inputs are not permitted"). */
const betaFields: Record<string, string> = { context_management: 'context-management-', mcp_servers: 'mcp-client-', output_format: 'structured-outputs-' }

export type AnthropicMockEndpoint = 'messages' | 'count_tokens'

/** Validates a request body as strictly as the real API; throws AnthropicMockError (400) on the first problem. */
export function validateMockRequest(body: unknown, endpoint: AnthropicMockEndpoint, context: AnthropicMockValidationContext): JsonObject {
  if (!isJsonObject(body)) rejectRequest('Input should be a valid dictionary')
  const allowed = [
    ...(endpoint === 'messages' ? messagesFields : countTokensFields),
    // API version 2026-10-21 removed the sampling parameters: any value, even the default, is an extra input.
    ...(endpoint === 'messages' && !isAnthropicVersion2026(context) ? samplingFields : []),
    ...Object.keys(betaFields).filter((field) => hasAnthropicBeta(context, betaFields[field]!)),
  ]
  rejectExtraFields(body, allowed, '')
  if (requireString(body, 'model', '') === '') rejectRequest('model: String should have at least 1 character')
  const maxTokens = endpoint === 'messages' ? requireMaxTokens(body) : undefined
  if (body.stream !== undefined && typeof body.stream !== 'boolean') rejectRequest('stream: Input should be a valid boolean')
  optionalNumber(body, 'temperature', '', { min: 0, max: 1 })
  optionalNumber(body, 'top_p', '', { min: 0, max: 1 })
  optionalNumber(body, 'top_k', '', { min: 0, integer: true })
  validateStopSequences(body.stop_sequences)
  if (body.metadata !== undefined) rejectExtraFields(requireObject(body.metadata, 'metadata'), ['user_id'], 'metadata')
  if (body.service_tier !== undefined) requireOneOf(body, 'service_tier', '', ['auto', 'standard_only'])
  validateOutputConfig(body.output_config)

  validateMockTools(body.tools, context)
  validateSystem(body.system, context)
  const thinkingType = validateThinking(body, maxTokens)
  const toolChoice = validateMockToolChoice(body.tool_choice)
  if (thinkingType === 'enabled' || thinkingType === 'adaptive') checkThinkingCompatibility(body, toolChoice)
  validateMockMessages(body.messages, context, thinkingType)
  validateMockCacheControl(body.cache_control, 'cache_control', context)
  checkMockCacheBreakpoints(context)
  return body
}

function requireMaxTokens(body: JsonObject): number {
  if (body.max_tokens === undefined) rejectRequest('max_tokens: Field required')
  return optionalNumber(body, 'max_tokens', '', { min: 0, integer: true })!
}

function validateStopSequences(value: unknown): void {
  if (value === undefined) return
  if (!Array.isArray(value)) rejectRequest('stop_sequences: Input should be a valid list')
  value.forEach((item, index) => typeof item !== 'string' && rejectRequest(`stop_sequences.${index}: Input should be a valid string`))
}

function validateSystem(value: unknown, context: AnthropicMockValidationContext): void {
  if (value === undefined || typeof value === 'string') return
  if (!Array.isArray(value)) rejectRequest('system: Input should be a valid string or list')
  value.forEach((block, index) => validateMockContentBlock(block, `system.${index}`, mockTextOnlyBlockTypes, context))
}

function validateOutputConfig(value: unknown): void {
  if (value === undefined) return
  const config = requireObject(value, 'output_config')
  rejectExtraFields(config, ['effort', 'format'], 'output_config')
  if (config.effort !== undefined && config.effort !== null) requireOneOf(config, 'effort', 'output_config', ['low', 'medium', 'high', 'xhigh', 'max'])
  if (config.format === undefined || config.format === null) return
  const format = requireObject(config.format, 'output_config.format')
  requireOneOf(format, 'type', 'output_config.format', ['json_schema'])
  rejectExtraFields(format, ['type', 'schema'], 'output_config.format.json_schema')
  requireObject(format.schema, 'output_config.format.json_schema.schema')
}

function validateThinking(body: JsonObject, maxTokens: number | undefined): string | undefined {
  if (body.thinking === undefined) return undefined
  const thinking = requireObject(body.thinking, 'thinking')
  const type = requireOneOf(thinking, 'type', 'thinking', ['enabled', 'adaptive', 'disabled'])
  const tagged = joinPath('thinking', type)
  rejectExtraFields(thinking, type === 'enabled' ? ['type', 'budget_tokens', 'display'] : type === 'adaptive' ? ['type', 'display'] : ['type'], tagged)
  if (thinking.display !== undefined && thinking.display !== null) requireOneOf(thinking, 'display', tagged, ['summarized', 'omitted'])
  if (type !== 'enabled') return type
  if (thinking.budget_tokens === undefined) rejectRequest(`${tagged}.budget_tokens: Field required`)
  const budget = optionalNumber(thinking, 'budget_tokens', tagged, { min: 1024, integer: true })!
  if (maxTokens !== undefined && budget >= maxTokens) {
    rejectRequest('`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size')
  }
  return type
}

/** Sampling and forced tool use while Claude thinks (extended thinking docs). */
function checkThinkingCompatibility(body: JsonObject, toolChoice: string | undefined): void {
  if (body.temperature !== undefined && body.temperature !== 1) rejectRequest('`temperature` may only be set to 1 when thinking is enabled or in adaptive mode.')
  if (body.top_k !== undefined) rejectRequest('`top_k` must be unset when thinking is enabled or in adaptive mode.')
  if (typeof body.top_p === 'number' && body.top_p < 0.95) rejectRequest('`top_p` must be greater than or equal to 0.95 or unset when thinking is enabled or in adaptive mode.')
  if (toolChoice === 'any' || toolChoice === 'tool') rejectRequest('Thinking may not be enabled when tool_choice forces tool use.')
}
