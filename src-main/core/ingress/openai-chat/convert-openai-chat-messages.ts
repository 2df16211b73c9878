import type { CifMessage, CifSystemPart, CifToolKind, CifToolResultPart, CifWarning } from '../../cif'
import { invalidRequest } from '../../errors/gateway-error'
import { cacheControlFromHints } from './cache-control-from-hints'
import { convertOpenAiChatAssistantMessage } from './convert-openai-chat-assistant-message'
import { convertOpenAiChatTextContent } from './convert-openai-chat-text-content'
import { convertOpenAiChatUserContent } from './convert-openai-chat-user-content'
import { type OpenAiChatMessage, openAiChatMessageSchemaByRole } from './openai-chat-message-schema'

/** Fields the openai SDK's parse helpers add to echoed messages; they carry nothing for the model. */
const clientSideFields = new Set(['parsed'])

/**
 * Chat `messages` → the CIF system prompt and turns.
 * - system/developer messages before the first other message form `system`; later ones stay in place
 *   as `system` turns.
 * - `tool` messages become `tool` turns; consecutive ones share a turn (parallel tool results), and each
 *   result learns its tool's name and kind from the assistant call it answers.
 */
export function convertOpenAiChatMessages(messages: OpenAiChatMessage[], warnings: CifWarning[]): { system: CifSystemPart[]; messages: CifMessage[] } {
  const system: CifSystemPart[] = []
  const turns: CifMessage[] = []
  const callsById = new Map<string, { toolName: string; kind: CifToolKind }>()

  messages.forEach((message, index) => {
    const path = `messages.${index}`
    warnAboutUnknownFields(message, path, warnings)
    if ('name' in message && message.role !== 'function' && message.name !== undefined) {
      warnings.push({ type: 'unsupported', feature: 'message name', details: `${path}.name was dropped: the CIF has no participant names.` })
    }
    switch (message.role) {
      case 'system':
      case 'developer': {
        const content = convertOpenAiChatTextContent(message.content, cacheControlFromHints({ cache_control: message.cache_control }))
        if (turns.length === 0) system.push(...content)
        else turns.push({ role: 'system', content })
        return
      }
      case 'user':
        turns.push({ role: 'user', content: convertOpenAiChatUserContent(message.content, path, cacheControlFromHints({ cache_control: message.cache_control })) })
        return
      case 'assistant': {
        const content = convertOpenAiChatAssistantMessage(message, path, warnings)
        for (const part of content) if (part.type === 'tool-call') callsById.set(part.toolCallId, { toolName: part.toolName, kind: part.kind })
        turns.push({ role: 'assistant', content })
        return
      }
      case 'tool': {
        const call = callsById.get(message.tool_call_id)
        const result: CifToolResultPart = {
          type: 'tool-result',
          toolCallId: message.tool_call_id,
          kind: call?.kind ?? 'function',
          content: convertOpenAiChatTextContent(message.content),
        }
        if (call) result.toolName = call.toolName
        const cacheControl = cacheControlFromHints({ cache_control: message.cache_control })
        if (cacheControl) result.cacheControl = cacheControl
        const previous = turns.at(-1)
        if (previous?.role === 'tool') previous.content.push(result)
        else turns.push({ role: 'tool', content: [result] })
        return
      }
      case 'function':
        throw invalidRequest(`${path}.role: the deprecated "function" role is not supported; answer tool_calls with "tool" messages.`)
    }
  })
  return { system, messages: turns }
}

function warnAboutUnknownFields(message: OpenAiChatMessage, path: string, warnings: CifWarning[]): void {
  const known = openAiChatMessageSchemaByRole[message.role].shape
  for (const field of Object.keys(message)) {
    if (field in known || clientSideFields.has(field)) continue
    warnings.push({ type: 'unsupported', feature: 'unknown message field', details: `${path}.${field} is not a chat message field; dropped.` })
  }
}
