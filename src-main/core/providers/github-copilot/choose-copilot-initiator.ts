import type { CifRequest } from '../../cif'
import type { CopilotInitiator } from './copilot-headers'

export interface InitiatorDecision {
  initiator: CopilotInitiator
  /** Why, for the per-request log line. */
  reason: string
}

/**
 * `X-Initiator` decides whether a call counts as a premium request: `user` when the last turn is the
 * user's own message, `agent` when the model is being called back in a loop it started (the last turn
 * is a tool result or an assistant turn). System turns (Claude Code's mid-conversation system message)
 * do not count as a turn. A user turn that directly follows tool results is the text Anthropic clients
 * put next to `tool_result` blocks (reminders), so it stays an agent turn.
 */
export function chooseCopilotInitiator(request: CifRequest): InitiatorDecision {
  const turns = request.messages.filter((message) => message.role !== 'system')
  const last = turns.at(-1)
  if (!last) return { initiator: 'user', reason: 'no conversation turns' }
  if (last.role === 'tool') return { initiator: 'agent', reason: 'the last turn is a tool result' }
  if (last.role === 'assistant') return { initiator: 'agent', reason: 'the last turn is an assistant turn (prefill)' }
  if (turns.at(-2)?.role === 'tool') return { initiator: 'agent', reason: 'the last user turn rides along with tool results' }
  return { initiator: 'user', reason: 'the last turn is a plain user message' }
}

/** Any image in the conversation (user turns or tool results): Copilot wants the vision header. */
export function hasImageInput(request: CifRequest): boolean {
  return request.messages.some(
    (message) =>
      (message.role === 'user' && message.content.some((part) => part.type === 'image')) ||
      (message.role === 'tool' && message.content.some((result) => result.content.some((part) => part.type === 'image'))),
  )
}
