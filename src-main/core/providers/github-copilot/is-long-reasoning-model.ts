import type { CifRequest } from '../../cif'

const reasoningFamilies = /^(o1|o3|o4|gpt-5(?!.*-mini)|.*-thinking|claude-opus)/i

/**
 * Models that may think for minutes before their first byte: the o-series, GPT-5 class (not -mini),
 * Opus, `*-thinking`, and any request asking for high effort or a thinking budget. They get the
 * instance's longer first-byte budget, so a slow start is not mistaken for a dead upstream.
 */
export function isLongReasoningRequest(request: CifRequest): boolean {
  if (reasoningFamilies.test(request.model)) return true
  const reasoning = request.reasoning
  if (!reasoning || reasoning.enabled === false) return false
  return reasoning.adaptive === true || (reasoning.budgetTokens ?? 0) >= 8192 || ['high', 'xhigh', 'max'].includes(reasoning.effort ?? '')
}
