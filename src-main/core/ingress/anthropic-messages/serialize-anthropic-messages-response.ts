import type { CifAssistantPart, CifResult } from '../../cif'
import type { SerializeContext } from '../stream-serializer'
import { anthropicMessageId } from './anthropic-message-id'
import { toAnthropicSignature } from './to-anthropic-signature'
import { toAnthropicStopReason, type AnthropicStopReason } from './to-anthropic-stop-reason'
import { toAnthropicToolInput } from './to-anthropic-tool-input'
import { toAnthropicToolUseId } from './to-anthropic-tool-use-id'
import { toAnthropicUsage, type AnthropicUsage } from './to-anthropic-usage'

export type AnthropicResponseContentBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }

export interface AnthropicMessagesResponse {
  id: string
  type: 'message'
  role: 'assistant'
  model: string
  content: AnthropicResponseContentBlock[]
  stop_reason: AnthropicStopReason
  stop_sequence: string | null
  usage: AnthropicUsage
}

function toAnthropicContentBlocks(part: CifAssistantPart): AnthropicResponseContentBlock[] {
  switch (part.type) {
    case 'text':
      return [{ type: 'text', text: part.text }]
    case 'reasoning': {
      if (part.redactedData) return [{ type: 'redacted_thinking', data: part.redactedData }]
      const signature = toAnthropicSignature(part)
      // Reasoning with neither text nor state says nothing; an empty thinking block would only be noise.
      return part.text || signature ? [{ type: 'thinking', thinking: part.text, signature }] : []
    }
    case 'tool-call':
      return [{ type: 'tool_use', id: toAnthropicToolUseId(part.toolCallId), name: part.toolName, input: toAnthropicToolInput(part) }]
  }
}

/** A whole CIF answer → the Messages API `Message` object, named after the model the client asked for. */
export function serializeAnthropicMessagesResponse(result: CifResult, context: SerializeContext): AnthropicMessagesResponse {
  const content = result.content.flatMap(toAnthropicContentBlocks)
  const { stopReason, stopSequence } = toAnthropicStopReason(result.finishReason, content.some((block) => block.type === 'tool_use'))
  return {
    id: anthropicMessageId(result.id, context.requestId),
    type: 'message',
    role: 'assistant',
    model: context.model,
    content,
    stop_reason: stopReason,
    stop_sequence: stopSequence,
    usage: toAnthropicUsage(result.usage),
  }
}
