import type { CifMessage, CifRequest, CifSystemPart, CifUserPart, CifWarning } from '../../cif'
import type { AnthropicMessage, AnthropicTextBlock } from './anthropic-request-body'
import { convertToAnthropicAssistantBlocks } from './convert-to-anthropic-assistant-blocks'
import { convertToAnthropicContentBlock, type AnthropicMediaBlock } from './convert-to-anthropic-content-block'
import { convertToAnthropicToolResults } from './convert-to-anthropic-tool-results'
import { pushAnthropicTurn } from './push-anthropic-turn'

export interface AnthropicMessagesConversion {
  system: AnthropicTextBlock[]
  messages: AnthropicMessage[]
  warnings: CifWarning[]
}

export interface ConvertToAnthropicMessagesOptions {
  /** The client announced the `mid-conversation-system` beta: a placeable system turn stays `role: 'system'`. */
  midConversationSystem: boolean
}

/**
 * CIF system + messages → the Messages `system` and `messages`.
 *
 * A CIF system turn before the first user turn joins the top-level `system`. A later one becomes a
 * `role: 'system'` message when the client announced the mid-conversation beta and the API's placement
 * rules allow it (right after a user turn, followed by an assistant turn or nothing); otherwise it becomes
 * user text wrapped in `<system-reminder>` — the form Claude Code itself uses for models without the
 * feature — with a warning. A `tool` turn and the user turn after it become one user turn.
 */
export function convertToAnthropicMessages(request: Pick<CifRequest, 'system' | 'messages'>, options: ConvertToAnthropicMessagesOptions): AnthropicMessagesConversion {
  const warnings: CifWarning[] = []
  const system = toTextBlocks(request.system, warnings)
  const messages: AnthropicMessage[] = []
  let conversationStarted = false

  request.messages.forEach((message, index) => {
    switch (message.role) {
      case 'system': {
        const blocks = toTextBlocks(message.content, warnings)
        if (!conversationStarted) system.push(...blocks)
        else if (options.midConversationSystem && isPlaceableSystemTurn(request.messages, index)) pushAnthropicTurn(messages, { role: 'system', content: blocks })
        else {
          warnings.push({
            type: 'other',
            message: options.midConversationSystem
              ? 'A mid-conversation system message sits where the Messages API does not allow one; it was sent as user text in <system-reminder> tags.'
              : 'A mid-conversation system message was sent as user text in <system-reminder> tags (the client did not announce the mid-conversation-system beta).',
          })
          pushAnthropicTurn(messages, { role: 'user', content: toSystemReminder(blocks) })
        }
        return
      }
      case 'user':
        conversationStarted = true
        pushAnthropicTurn(messages, { role: 'user', content: toMediaBlocks(message.content, warnings) })
        return
      case 'tool':
        conversationStarted = true
        pushAnthropicTurn(messages, { role: 'user', content: convertToAnthropicToolResults(message.content, warnings) })
        return
      case 'assistant':
        pushAnthropicTurn(messages, { role: 'assistant', content: convertToAnthropicAssistantBlocks(message.content, warnings) })
        return
    }
  })
  return { system, messages, warnings }
}

/** The API's placement rules for a `role: 'system'` message (see mid-conversation system messages). */
function isPlaceableSystemTurn(messages: CifMessage[], index: number): boolean {
  const previous = messages[index - 1]?.role
  const next = messages[index + 1]?.role
  return (previous === 'user' || previous === 'tool') && (next === undefined || next === 'assistant')
}

function toMediaBlocks(parts: CifUserPart[], warnings: CifWarning[]): AnthropicMediaBlock[] {
  return parts.flatMap((part) => convertToAnthropicContentBlock(part, warnings) ?? [])
}

function toTextBlocks(parts: CifSystemPart[], warnings: CifWarning[]): AnthropicTextBlock[] {
  return toMediaBlocks(parts, warnings).filter((block) => block.type === 'text')
}

function toSystemReminder(blocks: AnthropicTextBlock[]): AnthropicTextBlock[] {
  if (blocks.length === 0) return []
  const text = `<system-reminder>\n${blocks.map((block) => block.text).join('\n\n')}\n</system-reminder>`
  const cacheControl = blocks.findLast((block) => block.cache_control)?.cache_control
  return [{ type: 'text', text, ...(cacheControl ? { cache_control: cacheControl } : {}) }]
}
