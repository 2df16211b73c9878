import type { CifAssistantPart, CifToolCallPart, CifWarning } from '../../cif'
import { invalidRequest } from '../../errors/gateway-error'
import { cacheControlFromHints } from './cache-control-from-hints'
import { cifTextPart, withMessageCacheControl } from './convert-openai-chat-text-content'
import type { OpenAiChatAssistantMessage, OpenAiChatToolCall } from './openai-chat-message-schema'
import { normalizeToolArguments } from './normalize-tool-arguments'

/**
 * An assistant turn from history → CIF parts in the order a model produced them: reasoning
 * (`reasoning_content`), text, tool calls. `content: ""` and `null` both mean "no text" (OpenCode sends
 * `""` next to tool_calls). A refusal has no CIF part, so it travels as text with a warning.
 */
export function convertOpenAiChatAssistantMessage(message: OpenAiChatAssistantMessage, path: string, warnings: CifWarning[]): CifAssistantPart[] {
  if (message.function_call) {
    throw invalidRequest(`${path}.function_call: deprecated function calling is not supported; send the call in tool_calls.`)
  }
  const parts: CifAssistantPart[] = []
  if (message.reasoning_content) parts.push({ type: 'reasoning', text: message.reasoning_content, origin: { dialect: 'openai-chat' } })

  if (typeof message.content === 'string') {
    if (message.content !== '') parts.push({ type: 'text', text: message.content })
  } else {
    for (const [index, part] of (message.content ?? []).entries()) {
      if (part.type === 'text') {
        parts.push(cifTextPart(part.text, cacheControlFromHints(part)))
        continue
      }
      warnings.push(refusalWarning(`${path}.content.${index}`))
      parts.push({ type: 'text', text: part.refusal })
    }
  }
  if (message.refusal) {
    warnings.push(refusalWarning(`${path}.refusal`))
    parts.push({ type: 'text', text: message.refusal })
  }
  if (message.audio) {
    warnings.push({ type: 'unsupported', feature: 'assistant audio', details: `${path}.audio (a previous audio answer) was dropped: the gateway has no audio.` })
  }
  for (const toolCall of message.tool_calls ?? []) parts.push(convertToolCall(toolCall))
  return withMessageCacheControl(parts, cacheControlFromHints({ cache_control: message.cache_control }))
}

function convertToolCall(toolCall: OpenAiChatToolCall): CifToolCallPart {
  if (toolCall.type === 'custom') return { type: 'tool-call', toolCallId: toolCall.id, toolName: toolCall.custom.name, kind: 'custom', input: toolCall.custom.input }
  return { type: 'tool-call', toolCallId: toolCall.id, toolName: toolCall.function.name, kind: 'function', input: normalizeToolArguments(toolCall.function.arguments) }
}

function refusalWarning(where: string): CifWarning {
  return { type: 'unsupported', feature: 'assistant refusal', details: `${where} was sent on as assistant text: the CIF has no refusal part.` }
}
