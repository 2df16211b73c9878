import { budgetForEffort, type CifReasoningConfig, type CifReasoningEffort, type CifWarning } from '../../cif'
import type { AnthropicEffort, AnthropicThinking } from './anthropic-request-body'
import type { AnthropicModelTraits } from './anthropic-model-traits'

export interface PreparedAnthropicThinking {
  thinking?: AnthropicThinking
  /** `output_config.effort`: how hard an adaptive (or effort-capable) model works. */
  effort?: AnthropicEffort
  warnings: CifWarning[]
}

/**
 * CIF reasoning → Messages `thinking` (+ `output_config.effort`).
 * - `enabled: false` or effort `none` → `{type: 'disabled'}`.
 * - `adaptive` → `{type: 'adaptive'}`, the effort (if any) as `output_config.effort`.
 * - `budgetTokens` → `{type: 'enabled', budget_tokens}`.
 * - effort only → adaptive + effort on models that only think adaptively (Claude 4.7+), else
 *   `enabled` with `budgetForEffort(effort)` and a warning (an approximation).
 */
export function prepareAnthropicThinking(reasoning: CifReasoningConfig | undefined, traits: AnthropicModelTraits): PreparedAnthropicThinking {
  const warnings: CifWarning[] = []
  if (!reasoning) return { warnings }
  if (reasoning.summary !== undefined && reasoning.summary !== 'auto') {
    warnings.push({ type: 'unsupported', feature: 'reasoning.summary', details: `Anthropic decides how thinking is summarised; summary "${reasoning.summary}" was ignored.` })
  }
  if (reasoning.enabled === false || reasoning.effort === 'none') return { thinking: { type: 'disabled' }, warnings }

  const effort = reasoning.effort === undefined ? undefined : toAnthropicEffort(reasoning.effort, warnings)
  const withEffort = effort ? { effort } : {}
  if (reasoning.adaptive) return { thinking: { type: 'adaptive' }, ...withEffort, warnings }
  if (reasoning.budgetTokens !== undefined) return { thinking: { type: 'enabled', budget_tokens: reasoning.budgetTokens }, ...withEffort, warnings }
  if (traits.adaptiveThinkingOnly) return { thinking: { type: 'adaptive' }, ...withEffort, warnings }

  const approximated = reasoning.effort ?? 'medium'
  const budget = budgetForEffort(approximated)!
  warnings.push({
    type: 'other',
    message: `Reasoning ${reasoning.effort ? `effort "${reasoning.effort}"` : 'without a budget'} was sent as a thinking budget of ${budget} tokens (an approximation).`,
  })
  return { thinking: { type: 'enabled', budget_tokens: budget }, warnings }
}

function toAnthropicEffort(effort: Exclude<CifReasoningEffort, 'none'>, warnings: CifWarning[]): AnthropicEffort {
  if (effort !== 'minimal') return effort
  warnings.push({ type: 'other', message: 'Reasoning effort "minimal" was sent as "low", the lowest Anthropic effort.' })
  return 'low'
}
