import type { CifUsage } from '../../cif'
import type { OpenAiChatUsage } from './openai-chat-api'

/**
 * Chat usage → CifUsage. `prompt_tokens` is already the whole prompt (cached part included), as the
 * CIF counts it. Cached tokens come as `prompt_tokens_details.cached_tokens` (OpenAI),
 * `prompt_cache_hit_tokens` (DeepSeek) or `cached_tokens` (Kimi). A field the upstream left out stays undefined.
 */
export function convertOpenAiChatUsage(usage: OpenAiChatUsage | null | undefined): CifUsage {
  if (!usage) return {}
  const result: CifUsage = {}
  if (usage.prompt_tokens != null) result.inputTokens = usage.prompt_tokens
  if (usage.completion_tokens != null) result.outputTokens = usage.completion_tokens
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens ?? usage.cached_tokens
  if (cached != null) result.cacheReadTokens = cached
  const reasoning = usage.completion_tokens_details?.reasoning_tokens
  if (reasoning != null) result.reasoningTokens = reasoning
  return result
}
