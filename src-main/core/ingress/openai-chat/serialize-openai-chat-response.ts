import type { CifResult } from '../../cif'
import type { SerializeContext } from '../stream-serializer'
import type { OpenAiChatCompletion, OpenAiChatResponseToolCall } from './openai-chat-completion-types'
import { openAiChatCompletionId } from './openai-chat-completion-id'
import { toOpenAiChatFinishReason } from './to-openai-chat-finish-reason'
import { toOpenAiChatUsage } from './to-openai-chat-usage'

/**
 * A whole CIF answer → the `chat.completion` object (one choice).
 *
 * Reasoning never goes into `content`. Its visible text is sent as `message.reasoning_content`, the
 * field DeepSeek, vLLM and OpenRouter-style clients read and echo back; strict OpenAI clients ignore it.
 * Signatures and encrypted reasoning have no place in this dialect and are not sent.
 */
export function serializeOpenAiChatResponse(result: CifResult, context: SerializeContext): OpenAiChatCompletion {
  const texts: string[] = []
  const reasoning: string[] = []
  const toolCalls: OpenAiChatResponseToolCall[] = []
  for (const part of result.content) {
    if (part.type === 'text') texts.push(part.text)
    else if (part.type === 'reasoning') reasoning.push(part.text)
    else if (part.kind === 'custom') toolCalls.push({ id: part.toolCallId, type: 'custom', custom: { name: part.toolName, input: part.input } })
    // A function call always carries JSON: no arguments at all means "{}".
    else toolCalls.push({ id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: part.input === '' ? '{}' : part.input } })
  }

  const message: OpenAiChatCompletion['choices'][number]['message'] = { role: 'assistant', content: texts.length > 0 ? texts.join('') : null, refusal: null }
  if (toolCalls.length > 0) message.tool_calls = toolCalls
  const reasoningText = reasoning.filter((text) => text !== '').join('\n\n')
  if (reasoningText !== '') message.reasoning_content = reasoningText

  return {
    id: openAiChatCompletionId(result.id, context.requestId),
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: toOpenAiChatFinishReason(result.finishReason, toolCalls.length > 0) }],
    usage: toOpenAiChatUsage(result.usage),
  }
}
