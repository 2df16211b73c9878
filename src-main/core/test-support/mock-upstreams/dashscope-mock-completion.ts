import type { DashScopeReplyPlan } from './dashscope-mock-reply'
import { mockId } from './openai-chat-mock-reply'

/** The plan as a non-streaming `chat.completion`, in DashScope's field order and spelling. */
export function buildDashScopeCompletion(plan: DashScopeReplyPlan): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: plan.text ?? '' }
  if (plan.reasoning) message.reasoning_content = plan.reasoning
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call, index) => ({ function: { name: call.name, arguments: call.arguments }, index, id: call.id, type: 'function' }))
  }
  return {
    choices: [{ message, finish_reason: plan.finishReason, index: 0, logprobs: null }],
    object: 'chat.completion',
    usage: plan.usage,
    created: Math.floor(Date.now() / 1000),
    system_fingerprint: null,
    model: plan.model,
    id: mockId('chatcmpl-', 32),
  }
}
