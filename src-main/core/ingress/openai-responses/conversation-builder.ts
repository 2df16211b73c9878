import type { CifAssistantPart, CifMessage, CifSystemPart, CifToolResultPart, CifUserPart } from '../../cif'

/**
 * Builds CIF messages from Responses items in order. Assistant-side items that follow each other (reasoning,
 * function and custom tool calls, assistant text) join ONE assistant turn, and tool outputs that follow each
 * other join one tool turn: splitting sibling calls into separate turns is what upstreams reject.
 */
export interface ConversationBuilder {
  system(parts: CifSystemPart[]): void
  user(parts: CifUserPart[]): void
  assistant(parts: CifAssistantPart[]): void
  toolResult(part: CifToolResultPart): void
  /** The tool name of an earlier call, for outputs (Gemini needs it; Responses does not repeat it). */
  toolNameFor(callId: string): string | undefined
  messages(): CifMessage[]
}

export function createConversationBuilder(initial: readonly CifMessage[] = []): ConversationBuilder {
  const messages: CifMessage[] = []
  const toolNames = new Map<string, string>()

  const builder: ConversationBuilder = {
    system: (parts) => void messages.push({ role: 'system', content: parts }),
    user: (parts) => void messages.push({ role: 'user', content: parts }),
    assistant(parts) {
      for (const part of parts) if (part.type === 'tool-call') toolNames.set(part.toolCallId, part.toolName)
      const last = messages.at(-1)
      if (last?.role === 'assistant') last.content.push(...parts)
      else messages.push({ role: 'assistant', content: [...parts] })
    },
    toolResult(part) {
      const last = messages.at(-1)
      if (last?.role === 'tool') last.content.push(part)
      else messages.push({ role: 'tool', content: [part] })
    },
    toolNameFor: (callId) => toolNames.get(callId),
    messages: () => messages,
  }

  for (const message of initial) {
    if (message.role === 'assistant') builder.assistant(message.content)
    else if (message.role === 'tool') message.content.forEach((part) => builder.toolResult(part))
    else messages.push({ ...message, content: [...message.content] } as CifMessage)
  }
  return builder
}

/** Leading system turns become the request's system prompt; later ones stay where they are. */
export function hoistLeadingSystem(messages: readonly CifMessage[]): { system: CifSystemPart[]; messages: CifMessage[] } {
  const system: CifSystemPart[] = []
  let index = 0
  for (; index < messages.length; index++) {
    const message = messages[index]!
    if (message.role !== 'system') break
    system.push(...message.content)
  }
  return { system, messages: messages.slice(index) }
}
