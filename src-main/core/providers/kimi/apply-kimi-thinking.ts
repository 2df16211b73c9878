import { effortForBudget, type CifReasoningConfig, type CifReasoningEffort, type CifWarning } from '../../cif'
import type { OpenAiChatRequestBody } from '../openai-compatible'
import type { KimiModelTraits } from './kimi-model-traits'

type K3Effort = 'low' | 'high' | 'max'
const k3Efforts: Record<Exclude<CifReasoningEffort, 'none'>, K3Effort> = { minimal: 'low', low: 'low', medium: 'high', high: 'high', xhigh: 'max', max: 'max' }

/**
 * CIF reasoning → Kimi's controls for the model's family; returns whether the model will think.
 * K2.5/K2.6: `thinking: {type: "enabled" | "disabled"}` (on by default; no depth control, so an effort or
 * budget is warned). K3: `reasoning_effort` low/high/max (other efforts and budgets mapped, warned); it
 * cannot stop thinking. K2.7 Code: always thinks, nothing to set. moonshot-v1: no thinking. A chat
 * client's own `thinking` field is kept as it sent it.
 */
export function applyKimiThinking(body: OpenAiChatRequestBody, reasoning: CifReasoningConfig | undefined, traits: KimiModelTraits, model: string, warnings: CifWarning[]): boolean {
  if (reasoning?.summary) warnings.push({ type: 'unsupported', feature: 'reasoning summary', details: 'Kimi returns the whole reasoning_content, no summaries' })
  const off = reasoning?.enabled === false || reasoning?.effort === 'none'
  const on = reasoning !== undefined && !off
  const depth = reasoning?.effort !== undefined && reasoning.effort !== 'none' ? `effort "${reasoning.effort}"` : reasoning?.budgetTokens !== undefined ? `a budget of ${reasoning.budgetTokens} tokens` : undefined
  const noDepthControl = () => {
    if (depth) warnings.push({ type: 'unsupported', feature: 'reasoning depth', details: `${model} takes no thinking effort or budget; ${depth} was not sent` })
  }
  const alwaysThinks = () => {
    if (off) warnings.push({ type: 'unsupported', feature: 'reasoning off', details: `${model} always thinks` })
  }

  if (traits.thinking === 'none') {
    if (on) warnings.push({ type: 'unsupported', feature: 'reasoning', details: `${model} has no thinking mode` })
    return false
  }
  if (traits.thinking === 'always') {
    alwaysThinks()
    noDepthControl()
    return true
  }
  if (traits.thinking === 'effort') {
    alwaysThinks()
    const requested = reasoning?.effort && reasoning.effort !== 'none' ? reasoning.effort : reasoning?.budgetTokens !== undefined ? effortForBudget(reasoning.budgetTokens) : undefined
    if (requested && body.reasoning_effort === undefined) {
      body.reasoning_effort = k3Efforts[requested]
      if (reasoning?.effort !== k3Efforts[requested]) warnings.push({ type: 'other', message: `${depth} sent as reasoning_effort "${k3Efforts[requested]}" (${model} takes low, high or max)` })
    }
    return true
  }
  const own = body.thinking as { type?: unknown } | undefined
  if (own !== undefined) return own.type !== 'disabled'
  if (off) body.thinking = { type: 'disabled' }
  else if (on) {
    body.thinking = { type: 'enabled' }
    noDepthControl()
  }
  return !off
}
