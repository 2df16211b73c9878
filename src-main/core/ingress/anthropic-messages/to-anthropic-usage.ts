import { uncachedInputTokens, type CifUsage } from '../../cif'

export interface AnthropicCacheCreation {
  ephemeral_5m_input_tokens: number
  ephemeral_1h_input_tokens: number
}

/** The `usage` of a Message. `input_tokens` is only the uncached part, as Anthropic counts. */
export interface AnthropicUsage {
  input_tokens: number
  output_tokens: number
  cache_creation_input_tokens: number
  cache_read_input_tokens: number
  cache_creation?: AnthropicCacheCreation
  output_tokens_details?: { thinking_tokens: number }
}

/** The `usage` of a message_delta event: cumulative totals, each only when the upstream reported it. */
export type AnthropicDeltaUsage = Partial<AnthropicUsage> & { output_tokens: number }

function optionalDetails(usage: CifUsage): Pick<AnthropicUsage, 'cache_creation' | 'output_tokens_details'> {
  const details: Pick<AnthropicUsage, 'cache_creation' | 'output_tokens_details'> = {}
  if (usage.cacheWrite5mTokens !== undefined || usage.cacheWrite1hTokens !== undefined) {
    details.cache_creation = { ephemeral_5m_input_tokens: usage.cacheWrite5mTokens ?? 0, ephemeral_1h_input_tokens: usage.cacheWrite1hTokens ?? 0 }
  }
  if (usage.reasoningTokens !== undefined) details.output_tokens_details = { thinking_tokens: usage.reasoningTokens }
  return details
}

/** Cache counts the upstream did not report are 0: nothing was read from or written to a cache it did not mention. */
export function toAnthropicUsage(usage: CifUsage): AnthropicUsage {
  return {
    input_tokens: uncachedInputTokens(usage),
    output_tokens: usage.outputTokens ?? 0,
    cache_creation_input_tokens: usage.cacheWriteTokens ?? 0,
    cache_read_input_tokens: usage.cacheReadTokens ?? 0,
    ...optionalDetails(usage),
  }
}

export function toAnthropicDeltaUsage(usage: CifUsage): AnthropicDeltaUsage {
  const delta: AnthropicDeltaUsage = { output_tokens: usage.outputTokens ?? 0 }
  if (usage.inputTokens !== undefined) delta.input_tokens = uncachedInputTokens(usage)
  if (usage.cacheWriteTokens !== undefined) delta.cache_creation_input_tokens = usage.cacheWriteTokens
  if (usage.cacheReadTokens !== undefined) delta.cache_read_input_tokens = usage.cacheReadTokens
  return { ...delta, ...optionalDetails(usage) }
}
