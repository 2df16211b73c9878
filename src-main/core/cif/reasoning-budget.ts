import type { CifReasoningEffort } from './request'

/**
 * The one table between OpenAI-style reasoning effort and Anthropic-style thinking budgets, so every
 * adapter approximates the same way (and warns that it did).
 */
const budgetByEffort: Record<Exclude<CifReasoningEffort, 'none'>, number> = {
  minimal: 1024,
  low: 4096,
  medium: 12_288,
  high: 32_000,
  xhigh: 48_000,
  max: 64_000,
}

export function budgetForEffort(effort: CifReasoningEffort): number | undefined {
  return effort === 'none' ? undefined : budgetByEffort[effort]
}

export function effortForBudget(budgetTokens: number): Exclude<CifReasoningEffort, 'none' | 'xhigh' | 'max'> {
  if (budgetTokens <= budgetByEffort.minimal) return 'minimal'
  if (budgetTokens <= budgetByEffort.low) return 'low'
  if (budgetTokens <= budgetByEffort.medium) return 'medium'
  return 'high'
}
