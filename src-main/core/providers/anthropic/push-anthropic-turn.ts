import type { AnthropicMessage } from './anthropic-request-body'

/**
 * Appends a turn, merging it into the previous one when both have the same role (the API would merge
 * them anyway). In a user turn `tool_result` blocks come first, as the API requires. Empty turns are skipped.
 */
export function pushAnthropicTurn(messages: AnthropicMessage[], turn: AnthropicMessage): void {
  if (turn.content.length === 0) return
  const previous = messages[messages.length - 1]
  if (!previous || previous.role !== turn.role || turn.role === 'system') {
    messages.push(turn.role === 'user' ? { role: 'user', content: toolResultsFirst(turn.content) } : turn)
    return
  }
  const merged = [...previous.content, ...turn.content] as AnthropicMessage['content']
  messages[messages.length - 1] = (turn.role === 'user' ? { role: 'user', content: toolResultsFirst(merged as typeof turn.content) } : { role: turn.role, content: merged }) as AnthropicMessage
}

function toolResultsFirst<T extends { type: string }>(blocks: T[]): T[] {
  return [...blocks.filter((block) => block.type === 'tool_result'), ...blocks.filter((block) => block.type !== 'tool_result')]
}
