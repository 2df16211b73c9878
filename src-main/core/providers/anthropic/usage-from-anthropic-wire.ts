import { usageFromAnthropic, type CifUsage } from '../../cif'
import type { AnthropicUsage } from './anthropic-messages-api'

/** Anthropic usage → CIF, including thinking tokens when the API reports them (`output_tokens_details`). */
export function usageFromAnthropicWire(usage: AnthropicUsage | null | undefined): CifUsage {
  if (!usage) return {}
  const result = usageFromAnthropic(usage)
  const thinkingTokens = usage.output_tokens_details?.thinking_tokens
  if (thinkingTokens != null) result.reasoningTokens = thinkingTokens
  return result
}
