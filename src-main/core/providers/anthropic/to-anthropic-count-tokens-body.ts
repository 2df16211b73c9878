import type { AnthropicRequestBody } from './anthropic-request-body'

/**
 * The fields POST /v1/messages/count_tokens accepts (its API reference, beta fields included). Anything
 * else — max_tokens, stream, sampling, metadata — is rejected there as an extra input, and none of it
 * changes the prompt's token count.
 */
const countTokensFields = new Set(['model', 'messages', 'system', 'tools', 'tool_choice', 'thinking', 'cache_control', 'output_config', 'speed', 'context_management', 'mcp_servers', 'output_format'])

export function toAnthropicCountTokensBody(body: AnthropicRequestBody): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([field]) => countTokensFields.has(field)))
}
