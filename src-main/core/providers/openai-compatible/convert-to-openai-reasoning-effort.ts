import { effortForBudget, type CifReasoningConfig, type WarningCollector } from '../../cif'

/**
 * CIF reasoning → `reasoning_effort`. An effort goes as it is; a thinking budget is approximated by the
 * shared table (warned); adaptive is the upstream default (nothing sent). Chat has no switch-off without
 * an effort and no summaries: both warned.
 */
export function convertToOpenAiReasoningEffort(reasoning: CifReasoningConfig | undefined, warnings: WarningCollector): string | undefined {
  if (!reasoning) return undefined
  if (reasoning.summary) warnings.add({ type: 'unsupported', feature: 'reasoning summary', details: 'chat completions return no reasoning summaries' })
  if (reasoning.effort) return reasoning.effort
  if (reasoning.budgetTokens !== undefined && reasoning.enabled !== false) {
    const effort = effortForBudget(reasoning.budgetTokens)
    warnings.add({ type: 'other', message: `thinking budget of ${reasoning.budgetTokens} tokens sent as reasoning_effort "${effort}"` })
    return effort
  }
  if (reasoning.enabled === false) {
    warnings.add({ type: 'unsupported', feature: 'reasoning off', details: 'no reasoning_effort was given, so the model default applies' })
  }
  return undefined
}
