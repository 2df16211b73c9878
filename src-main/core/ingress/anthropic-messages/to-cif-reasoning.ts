import type { CifReasoningConfig, CifWarning } from '../../cif'
import type { AnthropicRequestFields } from './anthropic-messages-request-schema'

/**
 * `thinking` and `output_config.effort` → CIF reasoning: enabled + budget, disabled → `enabled: false`,
 * adaptive → `adaptive: true`; effort as given.
 */
export function toCifReasoning(body: Pick<AnthropicRequestFields, 'thinking' | 'output_config'>, warnings: CifWarning[]): CifReasoningConfig | undefined {
  const reasoning: CifReasoningConfig = {}
  const thinking = body.thinking
  if (thinking?.type === 'enabled') {
    reasoning.enabled = true
    reasoning.budgetTokens = thinking.budget_tokens
  } else if (thinking?.type === 'disabled') {
    reasoning.enabled = false
  } else if (thinking?.type === 'adaptive') {
    reasoning.adaptive = true
  } else if (thinking?.type === 'between_tools') {
    reasoning.enabled = true
    warnings.push({ type: 'unsupported', feature: 'thinking.type: between_tools', details: 'Other upstreams get thinking enabled throughout.' })
  }
  if (thinking && 'display' in thinking && thinking.display) {
    warnings.push({ type: 'unsupported', feature: `thinking.display: ${thinking.display}`, details: 'Only an Anthropic upstream can omit or summarise thinking on request.' })
  }
  if (body.output_config?.effort) reasoning.effort = body.output_config.effort
  return Object.keys(reasoning).length > 0 ? reasoning : undefined
}
