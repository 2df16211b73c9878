import type { CifAssistantPart, CifResult, CifWarning } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'
import { convertOpenAiChatUsage } from './convert-openai-chat-usage'
import { generateToolCallId } from './generate-tool-call-id'
import { mapOpenAiFinishReason } from './map-openai-finish-reason'
import type { OpenAiChatCompletion } from './openai-chat-api'
import { unwrapCustomToolInput } from './unwrap-custom-tool-input'

export interface ConvertCompletionOptions {
  instanceId: string
  warnings: CifWarning[]
  customToolsAsFunctions: ReadonlySet<string>
  generateId?: () => string
}

/** A `chat.completion` → CifResult: reasoning first, then text, then tool calls (choice 0 only). */
export function convertOpenAiChatCompletion(completion: OpenAiChatCompletion, options: ConvertCompletionOptions): CifResult {
  const choice = completion.choices?.find((candidate) => (candidate.index ?? 0) === 0)
  if (!choice) throw new UpstreamError({ instanceId: options.instanceId, status: 502, message: 'The upstream answered without any choice.', body: JSON.stringify(completion) })
  const { message } = choice
  const content: CifAssistantPart[] = []

  const reasoning = message.reasoning_content || message.reasoning
  if (reasoning) content.push({ type: 'reasoning', text: reasoning, origin: { dialect: 'openai-chat', instanceId: options.instanceId } })
  const text = typeof message.content === 'string' ? message.content : (message.content ?? []).map((part) => part.text ?? '').join('')
  if (text) content.push({ type: 'text', text })
  if (message.refusal) content.push({ type: 'text', text: message.refusal })

  for (const call of message.tool_calls ?? []) {
    const toolCallId = call.id || (options.generateId ?? generateToolCallId)()
    if (call.custom || call.type === 'custom') {
      content.push({ type: 'tool-call', toolCallId, toolName: call.custom?.name ?? '', kind: 'custom', input: call.custom?.input ?? '' })
      continue
    }
    const name = call.function?.name
    if (!name) throw new UpstreamError({ instanceId: options.instanceId, status: 502, message: 'The upstream answered with a tool call without a name.', body: JSON.stringify(call) })
    const raw = call.function?.arguments
    const argumentsText = typeof raw === 'string' ? raw : raw ? JSON.stringify(raw) : ''
    if (options.customToolsAsFunctions.has(name)) content.push({ type: 'tool-call', toolCallId, toolName: name, kind: 'custom', input: unwrapCustomToolInput(argumentsText) })
    else content.push({ type: 'tool-call', toolCallId, toolName: name, kind: 'function', input: argumentsText })
  }

  const sawToolCalls = content.some((part) => part.type === 'tool-call')
  return {
    ...(completion.id ? { id: completion.id } : {}),
    ...(completion.model ? { model: completion.model } : {}),
    content,
    finishReason: mapOpenAiFinishReason(choice.finish_reason, { sawToolCalls, stopReason: choice.stop_reason }),
    usage: convertOpenAiChatUsage(completion.usage),
    warnings: options.warnings,
  }
}
