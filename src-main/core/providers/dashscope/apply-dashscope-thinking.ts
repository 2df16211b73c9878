import { budgetForEffort, type CifReasoningConfig, type CifWarning } from '../../cif'
import type { OpenAiChatRequestBody } from '../openai-compatible'

/**
 * CIF reasoning → DashScope's switches (deep-thinking guide): off (`enabled: false`, effort `none`) is
 * `enable_thinking: false`; anything else is `enable_thinking: true`, with `thinking_budget` = the budget,
 * or for an effort the shared effort table's budget (warned: an approximation). `xhigh`/`max` and
 * adaptive thinking send no budget, which is the model's full thinking length. A client that set
 * `enable_thinking` itself (a chat-client extra) keeps its own value.
 */
export function applyDashScopeThinking(body: OpenAiChatRequestBody, reasoning: CifReasoningConfig | undefined, warnings: CifWarning[]): void {
  if (!reasoning) return
  if (reasoning.summary) warnings.push({ type: 'unsupported', feature: 'reasoning summary', details: 'DashScope returns the whole reasoning_content, no summaries' })
  if (body.enable_thinking !== undefined) return
  if (reasoning.enabled === false || reasoning.effort === 'none') {
    body.enable_thinking = false
    return
  }
  body.enable_thinking = true
  if (body.thinking_budget !== undefined) return
  if (reasoning.budgetTokens !== undefined) {
    body.thinking_budget = reasoning.budgetTokens
    return
  }
  const effort = reasoning.effort
  if (!effort || effort === 'xhigh' || effort === 'max') return
  const budget = budgetForEffort(effort)!
  body.thinking_budget = budget
  warnings.push({ type: 'other', message: `reasoning effort "${effort}" sent as thinking_budget ${budget} (DashScope takes budgets, not efforts)` })
}
