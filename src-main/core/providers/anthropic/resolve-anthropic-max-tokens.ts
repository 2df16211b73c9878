import type { CifWarning } from '../../cif'
import type { AnthropicModelTraits } from './anthropic-model-traits'

/** The `max_tokens` sent when the CIF request names none and neither the model nor the config says more. */
export const fallbackAnthropicMaxTokens = 8192

/**
 * `max_tokens` is required by the Messages API. The request's own limit wins; without one the adapter
 * sends the instance's `defaultMaxTokens`, else the model's known output limit (64000 for current
 * Claude models), else 8192, and says so in a warning.
 */
export function resolveAnthropicMaxTokens(
  maxOutputTokens: number | undefined,
  traits: AnthropicModelTraits,
  configuredDefault: number | undefined,
): { maxTokens: number; defaulted: boolean; warnings: CifWarning[] } {
  if (maxOutputTokens !== undefined) return { maxTokens: maxOutputTokens, defaulted: false, warnings: [] }
  const maxTokens = configuredDefault ?? traits.maxOutputTokens ?? fallbackAnthropicMaxTokens
  const source = configuredDefault !== undefined ? "the instance's defaultMaxTokens" : traits.maxOutputTokens !== undefined ? "the model's output limit" : 'the adapter default'
  return {
    maxTokens,
    defaulted: true,
    warnings: [{ type: 'other', message: `The request set no output limit, which the Messages API requires; max_tokens ${maxTokens} was sent (${source}).` }],
  }
}
