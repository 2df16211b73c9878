import type { KimiReplyPlan } from './kimi-mock-reply'
import { mockId } from './openai-chat-mock-reply'

/** The plan as a non-streaming `chat.completion`, as Moonshot returns it. */
export function buildKimiCompletion(plan: KimiReplyPlan): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: plan.text ?? '' }
  if (plan.reasoning) message.reasoning_content = plan.reasoning
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call, index) => ({ index, id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }))
  }
  return {
    id: mockId('chatcmpl-', 24),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: plan.model,
    choices: [{ index: 0, message, finish_reason: plan.finishReason }],
    usage: plan.usage,
  }
}
