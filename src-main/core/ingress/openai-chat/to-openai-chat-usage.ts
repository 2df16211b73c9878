import type { CifUsage } from '../../cif'
import type { OpenAiChatUsage } from './openai-chat-completion-types'

/** CIF usage → chat `usage`. Counts the upstream did not report are 0, as OpenAI itself reports them. */
export function toOpenAiChatUsage(usage: CifUsage): OpenAiChatUsage {
  const promptTokens = usage.inputTokens ?? 0
  const completionTokens = usage.outputTokens ?? 0
  const promptDetails: OpenAiChatUsage['prompt_tokens_details'] = { cached_tokens: usage.cacheReadTokens ?? 0 }
  if (usage.cacheWriteTokens !== undefined) promptDetails.cache_write_tokens = usage.cacheWriteTokens
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: promptDetails,
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
  }
}
