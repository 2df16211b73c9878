import { createHash } from 'node:crypto'
import type { CifMessage, CifRequest } from '../../cif'

/** What both Copilot back ends (Anthropic's `tool_use.id` pattern, OpenAI's 64-character limit) accept. */
const acceptedId = /^[A-Za-z0-9_-]{1,64}$/

/** An id from another upstream (`call_…|fc_…`, Gemini's, ids with dots or colons) → a stable, accepted one. */
export function normalizeToolCallId(id: string): string {
  if (acceptedId.test(id)) return id
  return `call_${createHash('sha1').update(id).digest('hex').slice(0, 24)}`
}

/**
 * Tool-call ids in the history rewritten to the accepted form, the call and its result alike (the same
 * input always maps to the same id, so a conversation stays consistent from turn to turn).
 */
export function normalizeToolCallIds(request: CifRequest): CifRequest {
  const needsWork = request.messages.some(
    (message) =>
      (message.role === 'assistant' && message.content.some((part) => part.type === 'tool-call' && !acceptedId.test(part.toolCallId))) ||
      (message.role === 'tool' && message.content.some((part) => !acceptedId.test(part.toolCallId))),
  )
  if (!needsWork) return request
  const messages = request.messages.map((message): CifMessage => {
    if (message.role === 'assistant') return { ...message, content: message.content.map((part) => (part.type === 'tool-call' ? { ...part, toolCallId: normalizeToolCallId(part.toolCallId) } : part)) }
    if (message.role === 'tool') return { ...message, content: message.content.map((part) => ({ ...part, toolCallId: normalizeToolCallId(part.toolCallId) })) }
    return message
  })
  return { ...request, messages }
}
