import type { CifUsage } from '../../cif'
import type { GeminiUsage } from './gemini-api'

/**
 * Gemini `usageMetadata` → CIF. `promptTokenCount` already includes the cached part; thoughts are
 * counted apart from `candidatesTokenCount`, so output = candidates + thoughts. proto3 JSON leaves out
 * zero counts, so a missing count inside a present report is 0.
 */
export function usageFromGeminiMetadata(usage: GeminiUsage | null | undefined): CifUsage {
  if (!usage) return {}
  const result: CifUsage = {}
  if (usage.promptTokenCount != null || usage.toolUsePromptTokenCount != null) result.inputTokens = (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0)
  result.outputTokens = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0)
  if (usage.cachedContentTokenCount != null) result.cacheReadTokens = usage.cachedContentTokenCount
  if (usage.thoughtsTokenCount != null) result.reasoningTokens = usage.thoughtsTokenCount
  return result
}

/** The input side only, for `response-metadata` early in a stream. */
export function inputUsageFromGeminiMetadata(usage: GeminiUsage | null | undefined): CifUsage {
  const { outputTokens: _output, reasoningTokens: _reasoning, ...input } = usageFromGeminiMetadata(usage)
  return input
}
