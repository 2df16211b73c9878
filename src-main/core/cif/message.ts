import type { CifAssistantPart, CifSystemPart, CifToolResultPart, CifUserPart } from './content'

/**
 * A conversation turn. Tool results travel in their own `tool` turn (as in OpenAI chat); adapters for
 * dialects that put them in the user turn (Anthropic) merge a `tool` turn with the user turn after it.
 * A `system` turn in `messages` is a system prompt at that position (Claude Code's mid-conversation
 * system message, Responses `developer` items after the first user turn).
 */
export type CifMessage =
  | { role: 'system'; content: CifSystemPart[] }
  | { role: 'user'; content: CifUserPart[] }
  | { role: 'assistant'; content: CifAssistantPart[] }
  | { role: 'tool'; content: CifToolResultPart[] }
