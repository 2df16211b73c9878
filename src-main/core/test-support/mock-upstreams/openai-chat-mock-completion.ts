import { mockId, type OpenAiChatReplyPlan } from './openai-chat-mock-reply'

/** The plan as a non-streaming `chat.completion` object, shaped as the real API returns it. */
export function buildOpenAiChatCompletion(plan: OpenAiChatReplyPlan): Record<string, unknown> {
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: plan.text ?? null,
    refusal: null,
    annotations: [],
  }
  if (plan.reasoning) message.reasoning_content = plan.reasoning
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }))
  }
  return {
    id: mockId('chatcmpl-', 29),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: plan.model,
    ...(plan.emptyChoicesFirst ? { prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] } : {}),
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    usage: plan.usage,
    service_tier: 'default',
    system_fingerprint: 'fp_mock0001',
  }
}
