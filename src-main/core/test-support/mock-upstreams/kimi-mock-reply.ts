import type { KimiMockModel } from './kimi-mock-models'
import { planOpenAiChatReply, thinkingText, type OpenAiChatReplyPlan } from './openai-chat-mock-reply'

/** Moonshot's usage: cached prompt tokens in both spellings (`cached_tokens` and `prompt_tokens_details`), only when there are some. */
export interface KimiMockUsage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  cached_tokens?: number
  prompt_tokens_details?: { cached_tokens: number }
  completion_tokens_details?: { reasoning_tokens: number }
}

export interface KimiReplyPlan extends Omit<OpenAiChatReplyPlan, 'usage'> {
  usage: KimiMockUsage
}

/** The shared marker plan as Kimi answers it: reasoning only while thinking; tool-call ids `name:n`, n counting every call in the conversation. */
export function planKimiReply(body: { model: string; messages: Array<Record<string, unknown>>; tools?: unknown }, model: KimiMockModel, thinks: boolean): KimiReplyPlan {
  const plan = planOpenAiChatReply(body)
  const reasoning = thinks && plan.reasoning ? thinkingText : undefined
  const cached = plan.usage.prompt_tokens_details.cached_tokens
  const usage: KimiMockUsage = {
    prompt_tokens: plan.usage.prompt_tokens,
    completion_tokens: plan.usage.completion_tokens,
    total_tokens: plan.usage.total_tokens,
    ...(cached > 0 ? { cached_tokens: cached, prompt_tokens_details: { cached_tokens: cached } } : {}),
    ...(reasoning ? { completion_tokens_details: { reasoning_tokens: Math.ceil(reasoning.length / 4) } } : {}),
  }
  const earlier = body.messages.reduce((count, message) => count + (Array.isArray(message.tool_calls) ? message.tool_calls.length : 0), 0)
  const toolCalls = plan.toolCalls.map((call, index) => ({ ...call, id: `${call.name}:${earlier + index}` }))
  return { ...plan, model: model.id, reasoning, toolCalls, usage }
}
