import type { CifMessage, CifWarning } from '../../cif'
import type { AnthropicMessage } from './anthropic-messages-request-schema'
import { reportUnmappedFields } from './report-unmapped-fields'
import { toCifAssistantParts } from './to-cif-assistant-parts'
import { toCifSystemParts } from './to-cif-system-parts'
import { toCifUserTurn } from './to-cif-user-turn'

/**
 * `messages` → CIF turns, in order. A `system` message (Claude Code sends one mid-conversation) stays a
 * system turn at its position. A turn left with no content only because its blocks were dropped is omitted.
 */
export function toCifMessages(messages: AnthropicMessage[], warnings: CifWarning[]): CifMessage[] {
  const toolNames = new Map<string, string>()
  return messages.flatMap((message, index): CifMessage[] => {
    const path = `messages.${index}`
    reportUnmappedFields(message, ['role', 'content'], path, warnings)
    const contentPath = `${path}.content`
    if (message.role === 'system') return [{ role: 'system', content: toCifSystemParts(message.content, contentPath, warnings) }]
    const blocks = typeof message.content === 'string' ? [{ type: 'text' as const, text: message.content }] : message.content
    if (message.role === 'user') return toCifUserTurn(blocks, contentPath, warnings, toolNames)
    const content = toCifAssistantParts(blocks, contentPath, warnings, toolNames)
    return content.length > 0 || blocks.length === 0 ? [{ role: 'assistant', content }] : []
  })
}
