import type { DashScopeMockModel } from './dashscope-mock-models'
import { planOpenAiChatReply, thinkingText, type OpenAiChatReplyPlan } from './openai-chat-mock-reply'

/** DashScope's usage object: no audio counters; cached prompt tokens under `prompt_tokens_details`. */
export interface DashScopeMockUsage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  prompt_tokens_details?: { cached_tokens: number }
  completion_tokens_details?: { reasoning_tokens: number }
}

export interface DashScopeReplyPlan extends Omit<OpenAiChatReplyPlan, 'usage' | 'finishReason'> {
  finishReason: 'stop' | 'length' | 'tool_calls'
  usage: DashScopeMockUsage
}

/**
 * The shared marker plan, as DashScope answers it: WITHTHINKING yields `reasoning_content` only in
 * thinking mode; `CACHE` reports 100 cached tokens; models with the quirk end tool calls with `stop`.
 */
export function planDashScopeReply(body: { model: string; messages: Array<Record<string, unknown>>; tools?: unknown }, model: DashScopeMockModel, thinks: boolean): DashScopeReplyPlan {
  const plan = planOpenAiChatReply(body)
  const reasoning = thinks && plan.reasoning ? thinkingText : undefined
  const cached = plan.usage.prompt_tokens_details.cached_tokens
  const usage: DashScopeMockUsage = {
    prompt_tokens: plan.usage.prompt_tokens,
    completion_tokens: plan.usage.completion_tokens,
    total_tokens: plan.usage.total_tokens,
    ...(cached > 0 ? { prompt_tokens_details: { cached_tokens: cached } } : {}),
    ...(reasoning ? { completion_tokens_details: { reasoning_tokens: Math.ceil(reasoning.length / 4) } } : {}),
  }
  const finishReason = plan.toolCalls.length > 0 && model.toolCallsFinishWithStop ? 'stop' : plan.finishReason
  return { ...plan, reasoning, usage, finishReason }
}
