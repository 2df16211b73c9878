import type { CifWarning } from '../../cif'
import type { AnthropicRequestBody } from './anthropic-request-body'

/** The smallest `budget_tokens` the API accepts. */
const minimumBudgetTokens = 1024

/**
 * Makes a request with thinking satisfy the API's documented rules instead of failing with a 400,
 * each change with a warning:
 * - thinking may not be on when `tool_choice` forces tool use: thinking is turned off.
 * - with manual thinking, an assistant turn answered by tool results must start with a thinking block;
 *   when none survived conversion (reasoning from another dialect), thinking is turned off.
 * - `budget_tokens` must be below `max_tokens`: a defaulted limit grows by the budget; a requested one
 *   keeps its value and the budget shrinks to half of it (thinking is turned off below 1024 tokens).
 * - with thinking on, `temperature` may only be 1, `top_k` must be unset and `top_p` at least 0.95.
 */
export function applyAnthropicThinkingConstraints(body: AnthropicRequestBody, maxTokensDefaulted: boolean, warnings: CifWarning[]): void {
  const thinking = body.thinking
  if (!thinking || thinking.type === 'disabled') return

  const choice = body.tool_choice?.type
  if (choice === 'any' || choice === 'tool') return disableThinking(body, warnings, 'thinking may not be on when tool_choice forces tool use')
  if (thinking.type === 'enabled' && toolLoopLacksThinking(body)) {
    return disableThinking(body, warnings, 'the assistant turn answered by tool results carries no thinking block Anthropic signed')
  }

  if (thinking.type === 'enabled' && thinking.budget_tokens >= body.max_tokens) {
    if (maxTokensDefaulted) {
      body.max_tokens += thinking.budget_tokens
      warnings.push({ type: 'other', message: `max_tokens was raised to ${body.max_tokens} to leave room above the thinking budget.` })
    } else if (Math.floor(body.max_tokens / 2) >= minimumBudgetTokens) {
      thinking.budget_tokens = Math.floor(body.max_tokens / 2)
      warnings.push({ type: 'other', message: `The thinking budget was lowered to ${thinking.budget_tokens} tokens: Anthropic requires it below max_tokens (${body.max_tokens}).` })
    } else return disableThinking(body, warnings, `max_tokens ${body.max_tokens} leaves no room for the minimum thinking budget of ${minimumBudgetTokens} tokens`)
  }

  if (body.temperature !== undefined && body.temperature !== 1) dropSampling(body, 'temperature', warnings, 'temperature may only be 1 while Claude thinks')
  if (body.top_k !== undefined) dropSampling(body, 'top_k', warnings, 'top_k must be unset while Claude thinks')
  if (body.top_p !== undefined && body.top_p < 0.95) dropSampling(body, 'top_p', warnings, 'top_p must be at least 0.95 while Claude thinks')
}

function dropSampling(body: AnthropicRequestBody, field: 'temperature' | 'top_k' | 'top_p', warnings: CifWarning[], reason: string): void {
  warnings.push({ type: 'unsupported', feature: field, details: `${field} ${body[field]} was dropped: ${reason}.` })
  delete body[field]
}

function disableThinking(body: AnthropicRequestBody, warnings: CifWarning[], reason: string): void {
  body.thinking = { type: 'disabled' }
  warnings.push({ type: 'other', message: `Thinking was turned off for this request: ${reason}.` })
}

function toolLoopLacksThinking(body: AnthropicRequestBody): boolean {
  const last = body.messages[body.messages.length - 1]
  const previous = body.messages[body.messages.length - 2]
  if (last?.role !== 'user' || last.content[0]?.type !== 'tool_result' || previous?.role !== 'assistant') return false
  const first = previous.content[0]?.type
  return first !== 'thinking' && first !== 'redacted_thinking'
}
