/**
 * Token usage. `inputTokens` is the WHOLE prompt, cached parts included (OpenAI's prompt_tokens);
 * Anthropic's `input_tokens` is only the uncached part — use the helpers below to convert. A field left
 * undefined means the provider did not say (which is not the same as 0).
 */
export interface CifUsage {
  inputTokens?: number
  outputTokens?: number
  /** Prompt tokens read from the cache (part of inputTokens). */
  cacheReadTokens?: number
  /** Prompt tokens written to the cache (part of inputTokens). */
  cacheWriteTokens?: number
  cacheWrite5mTokens?: number
  cacheWrite1hTokens?: number
  /** Output tokens spent on reasoning (part of outputTokens). */
  reasoningTokens?: number
}

/** Anthropic reports exclusive buckets: uncached + cache read + cache write = the whole prompt. */
export function usageFromAnthropic(usage: {
  input_tokens?: number | null
  output_tokens?: number | null
  cache_read_input_tokens?: number | null
  cache_creation_input_tokens?: number | null
  cache_creation?: { ephemeral_5m_input_tokens?: number | null; ephemeral_1h_input_tokens?: number | null } | null
}): CifUsage {
  const uncached = usage.input_tokens ?? undefined
  const read = usage.cache_read_input_tokens ?? undefined
  const write = usage.cache_creation_input_tokens ?? undefined
  const result: CifUsage = {}
  if (uncached !== undefined || read !== undefined || write !== undefined) result.inputTokens = (uncached ?? 0) + (read ?? 0) + (write ?? 0)
  if (usage.output_tokens != null) result.outputTokens = usage.output_tokens
  if (read !== undefined) result.cacheReadTokens = read
  if (write !== undefined) result.cacheWriteTokens = write
  if (usage.cache_creation?.ephemeral_5m_input_tokens != null) result.cacheWrite5mTokens = usage.cache_creation.ephemeral_5m_input_tokens
  if (usage.cache_creation?.ephemeral_1h_input_tokens != null) result.cacheWrite1hTokens = usage.cache_creation.ephemeral_1h_input_tokens
  return result
}

/** The uncached part of the prompt, as Anthropic's `input_tokens` wants it (never negative). */
export function uncachedInputTokens(usage: CifUsage): number {
  return Math.max(0, (usage.inputTokens ?? 0) - (usage.cacheReadTokens ?? 0) - (usage.cacheWriteTokens ?? 0))
}

/** Sums two reports field by field (a stream's early input usage with its final output usage). */
export function mergeUsage(base: CifUsage, update: CifUsage): CifUsage {
  const merged: CifUsage = { ...base }
  for (const [key, value] of Object.entries(update) as Array<[keyof CifUsage, number | undefined]>) {
    if (value !== undefined) merged[key] = value
  }
  return merged
}
