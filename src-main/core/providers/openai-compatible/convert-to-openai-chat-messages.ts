import type { CifAssistantPart, CifRequest, CifSystemPart, CifTextPart, CifToolCallPart, CifUserPart } from '../../cif'
import { convertToOpenAiChatToolMessages } from './convert-to-openai-chat-tool-messages'
import { convertToOpenAiChatUserPart, type UserPartContext } from './convert-to-openai-chat-user-part'
import type { OpenAiChatMessage, OpenAiChatTextPart, OpenAiChatToolCall, OpenAiChatUserPart } from './openai-chat-request'

/**
 * CIF system + messages → chat messages, in order. Top-level system parts become ONE leading system
 * (or developer) message, parts joined by a blank line; a CIF system turn later in the conversation
 * stays in place. Content is a plain string unless a forwarded cache breakpoint or a non-text part
 * needs the array form, which is what every compatible server understands best.
 */
export function convertToOpenAiChatMessages(request: Pick<CifRequest, 'system' | 'messages'>, context: UserPartContext): OpenAiChatMessage[] {
  const messages: OpenAiChatMessage[] = []
  const leading = convertSystem(request.system, context)
  if (leading) messages.push(leading)
  for (const message of request.messages) {
    if (message.role === 'system') {
      const converted = convertSystem(message.content, context)
      if (converted) messages.push(converted)
    } else if (message.role === 'user') {
      const converted = convertUser(message.content, context)
      if (converted) messages.push(converted)
    } else if (message.role === 'assistant') {
      const converted = convertAssistant(message.content, context)
      if (converted) messages.push(converted)
    } else {
      messages.push(...convertToOpenAiChatToolMessages(message.content, context))
    }
  }
  return messages
}

function textContent(parts: CifTextPart[], context: UserPartContext): string | OpenAiChatTextPart[] {
  const marked = parts.map((part) => ({ part, marker: context.markers.fieldsFor(part.cacheControl) }))
  if (marked.every(({ marker }) => !marker)) return parts.map((part) => part.text).join('\n\n')
  return marked.map(({ part, marker }) => ({ type: 'text', text: part.text, ...marker }))
}

function convertSystem(parts: CifSystemPart[], context: UserPartContext): OpenAiChatMessage | undefined {
  if (parts.length === 0) return undefined
  return { role: context.quirks.systemMessageRole, content: textContent(parts, context) }
}

function convertUser(parts: CifUserPart[], context: UserPartContext): OpenAiChatMessage | undefined {
  const converted = parts.map((part) => convertToOpenAiChatUserPart(part, context)).filter((part): part is OpenAiChatUserPart => part !== undefined)
  if (converted.length === 0) return undefined
  const only = converted[0]!
  const plainText = only.type === 'text' && !only.cache_control && !only.prompt_cache_breakpoint
  if (converted.length === 1 && plainText) return { role: 'user', content: only.text }
  return { role: 'user', content: converted }
}

function convertAssistant(parts: CifAssistantPart[], context: UserPartContext): OpenAiChatMessage | undefined {
  const texts: CifTextPart[] = []
  const reasoning: string[] = []
  const toolCalls: OpenAiChatToolCall[] = []
  const replayField = context.quirks.reasoningReplayField
  for (const part of parts) {
    if (part.type === 'text') texts.push(part)
    else if (part.type === 'tool-call') {
      context.markers.unplaceable(part.cacheControl, 'tool calls')
      toolCalls.push(convertToolCall(part, context))
    } else {
      context.markers.unplaceable(part.cacheControl, 'reasoning')
      if (replayField && part.text) reasoning.push(part.text)
      else if (replayField) context.warnings.once('reasoning-opaque', { type: 'unsupported', feature: 'reasoning replay', details: 'redacted or encrypted reasoning has no text to replay to openai-compatible' })
      else context.warnings.once('reasoning', { type: 'unsupported', feature: 'reasoning replay', details: 'reasoning blocks not replayed to openai-compatible' })
    }
  }
  if (texts.length === 0 && toolCalls.length === 0 && reasoning.length === 0) return undefined
  const message: OpenAiChatMessage = { role: 'assistant', content: textContent(texts, context) }
  if (toolCalls.length > 0) message.tool_calls = toolCalls
  if (replayField && reasoning.length > 0) message[replayField] = reasoning.join('\n\n')
  return message
}

function convertToolCall(part: CifToolCallPart, context: UserPartContext): OpenAiChatToolCall {
  if (part.kind === 'custom' && context.quirks.customTools === 'native') return { id: part.toolCallId, type: 'custom', custom: { name: part.toolName, input: part.input } }
  const argumentsText = part.kind === 'custom' ? JSON.stringify({ input: part.input }) : part.input.trim() === '' ? '{}' : part.input
  return { id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: argumentsText } }
}
