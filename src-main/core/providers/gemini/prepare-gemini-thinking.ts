import { budgetForEffort, type CifReasoningConfig, type CifWarning } from '../../cif'
import type { GeminiThinkingConfig } from './gemini-request-body'

export interface PreparedGeminiThinking {
  thinkingConfig?: GeminiThinkingConfig
  warnings: CifWarning[]
}

/**
 * CIF reasoning → `generationConfig.thinkingConfig`.
 * - no reasoning settings → none (the model's default).
 * - `enabled: false` or effort `none` → `thinkingBudget: 0` (off, where the model allows it).
 * - `budgetTokens` → that budget; else an effort → `budgetForEffort(effort)`, with a warning (an
 *   approximation); else `adaptive` or `enabled` → `-1` (the model decides).
 * Whenever thinking is on, `includeThoughts` is set: a client that asks for reasoning gets to see it.
 */
export function prepareGeminiThinking(reasoning: CifReasoningConfig | undefined): PreparedGeminiThinking {
  const warnings: CifWarning[] = []
  if (!reasoning) return { warnings }
  if (reasoning.summary !== undefined && reasoning.summary !== 'auto') {
    warnings.push({ type: 'unsupported', feature: 'reasoning.summary', details: `Gemini decides how thoughts are summarised; summary "${reasoning.summary}" was ignored.` })
  }
  if (reasoning.enabled === false || reasoning.effort === 'none') return { thinkingConfig: { thinkingBudget: 0 }, warnings }
  if (reasoning.budgetTokens !== undefined) return { thinkingConfig: { thinkingBudget: reasoning.budgetTokens, includeThoughts: true }, warnings }
  if (reasoning.effort !== undefined) {
    const budget = budgetForEffort(reasoning.effort)!
    warnings.push({ type: 'other', message: `Reasoning effort "${reasoning.effort}" was sent as a Gemini thinking budget of ${budget} tokens (an approximation).` })
    return { thinkingConfig: { thinkingBudget: budget, includeThoughts: true }, warnings }
  }
  if (reasoning.adaptive || reasoning.enabled) return { thinkingConfig: { thinkingBudget: -1, includeThoughts: true }, warnings }
  return { warnings }
}
