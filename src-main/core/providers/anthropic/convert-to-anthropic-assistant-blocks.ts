import type { CifAssistantPart, CifReasoningPart, CifToolCallPart, CifWarning } from '../../cif'
import type { AnthropicAssistantBlock, AnthropicRedactedThinkingBlock, AnthropicThinkingBlock, AnthropicToolUseBlock } from './anthropic-request-body'
import { convertToAnthropicContentBlock } from './convert-to-anthropic-content-block'
import { toAnthropicCacheControl } from './to-anthropic-cache-control'

/**
 * An assistant turn's parts → Messages blocks. Reasoning is replayed only as Anthropic produced it
 * (a signed `thinking` block or `redacted_thinking`): the API verifies signatures, so anything else is
 * dropped with a warning. Custom (freeform) tool calls travel as `{input: <text>}` (see prepare-anthropic-tools).
 */
export function convertToAnthropicAssistantBlocks(parts: CifAssistantPart[], warnings: CifWarning[]): AnthropicAssistantBlock[] {
  const blocks: AnthropicAssistantBlock[] = []
  for (const part of parts) {
    const block =
      part.type === 'reasoning' ? convertReasoning(part, warnings) : part.type === 'tool-call' ? convertToolCall(part, warnings) : convertToAnthropicContentBlock(part, warnings)
    if (block) blocks.push(block as AnthropicAssistantBlock)
  }
  // "The final block in an assistant message cannot be `thinking`": a turn that only thought cannot be replayed as is.
  while (blocks.length > 0 && isThinking(blocks[blocks.length - 1]!)) {
    blocks.pop()
    warnings.push({ type: 'other', message: 'A thinking block at the end of an assistant turn was dropped (the Messages API rejects an assistant turn that ends in thinking).' })
  }
  return blocks
}

function isThinking(block: AnthropicAssistantBlock): boolean {
  return block.type === 'thinking' || block.type === 'redacted_thinking'
}

function convertReasoning(part: CifReasoningPart, warnings: CifWarning[]): AnthropicThinkingBlock | AnthropicRedactedThinkingBlock | undefined {
  const fromAnthropic = part.origin?.dialect === 'anthropic'
  if (fromAnthropic && part.redactedData) return { type: 'redacted_thinking', data: part.redactedData }
  if (fromAnthropic && part.signature) {
    if (part.cacheControl) warnings.push({ type: 'unsupported', feature: 'cache_control on thinking', details: 'Thinking blocks cannot carry cache_control; the breakpoint was dropped.' })
    return { type: 'thinking', thinking: part.text, signature: part.signature }
  }
  const origin = part.origin?.dialect ?? 'an unknown dialect'
  warnings.push({
    type: 'unsupported',
    feature: 'reasoning replay',
    details: fromAnthropic
      ? 'An Anthropic reasoning block without a signature was dropped (the Messages API rejects unsigned thinking).'
      : `Reasoning produced by ${origin} was dropped: Anthropic accepts only thinking blocks it signed itself.`,
  })
  return undefined
}

function convertToolCall(part: CifToolCallPart, warnings: CifWarning[]): AnthropicToolUseBlock {
  return { type: 'tool_use', id: part.toolCallId, name: part.toolName, input: toolUseInput(part, warnings), ...toAnthropicCacheControl(part.cacheControl) }
}

function toolUseInput(part: CifToolCallPart, warnings: CifWarning[]): Record<string, unknown> {
  if (part.kind === 'custom') return { input: part.input }
  if (part.input.trim() === '') return {}
  try {
    const parsed: unknown = JSON.parse(part.input)
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>
  } catch {
    // Falls through to the warning below.
  }
  warnings.push({ type: 'other', message: `The arguments of tool call ${part.toolCallId} (${part.toolName}) are not a JSON object; they were sent as {}.` })
  return {}
}
