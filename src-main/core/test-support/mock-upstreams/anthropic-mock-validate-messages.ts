import { isJsonObject, joinPath, rejectExtraFields, requireOneOf, type JsonObject } from './anthropic-mock-checks'
import { rejectRequest } from './anthropic-mock-error'
import { mockAssistantBlockTypes, mockTextOnlyBlockTypes, mockUserBlockTypes, validateMockContentBlock } from './anthropic-mock-validate-content-block'
import { hasAnthropicBeta, isAnthropicVersion2026, type AnthropicMockValidationContext } from './anthropic-mock-validation-context'

interface MockTurn {
  role: 'user' | 'assistant'
  /** Index of the turn's first message in `messages` (consecutive same-role messages form one turn). */
  index: number
  blocks: JsonObject[]
}

const thinkingTypes = new Set(['thinking', 'redacted_thinking'])

/**
 * `messages` as the real API checks it: roles (a `system` role only with the mid-conversation beta, and
 * only where its placement rules allow), non-empty content, block shapes, consecutive same-role messages
 * merged into one turn, every `tool_use` answered by a leading `tool_result` in the next turn (and no
 * result without its call), and the thinking-block rules.
 */
export function validateMockMessages(value: unknown, context: AnthropicMockValidationContext, thinkingType: string | undefined): void {
  if (value === undefined) rejectRequest('messages: Field required')
  if (!Array.isArray(value)) rejectRequest('messages: Input should be a valid list')
  if (value.length === 0) rejectRequest('messages: at least one message is required')
  const roles = hasAnthropicBeta(context, 'mid-conversation-system') ? ['user', 'assistant', 'system'] : ['user', 'assistant']
  // 2023-06-01 still accepts a document placed directly in an assistant message; 2026-10-21 rejects it.
  const assistantTypes = isAnthropicVersion2026(context) ? mockAssistantBlockTypes : [...mockAssistantBlockTypes, 'document']
  const turns: MockTurn[] = []

  value.forEach((message: unknown, index) => {
    const path = `messages.${index}`
    if (!isJsonObject(message)) rejectRequest(`${path}: Input should be a valid dictionary`)
    rejectExtraFields(message, ['role', 'content'], path)
    const role = requireOneOf(message, 'role', path, roles as Array<'user' | 'assistant' | 'system'>)
    const allowed = role === 'user' ? mockUserBlockTypes : role === 'assistant' ? assistantTypes : mockTextOnlyBlockTypes
    const blocks = readContent(message.content, joinPath(path, 'content'), allowed, context)
    if (role === 'user' && isAnthropicVersion2026(context)) rejectUserCitations(blocks, path)
    if (blocks.length === 0 && !(role === 'assistant' && index === value.length - 1)) {
      rejectRequest(`${path}: all messages must have non-empty content except for the optional final assistant message`)
    }
    if (role === 'system') return checkSystemPlacement(value, index)
    const last = turns[turns.length - 1]
    if (last?.role === role && (value[index - 1] as JsonObject).role === role) last.blocks.push(...blocks)
    else turns.push({ role, index, blocks })
  })

  turns.forEach((turn, position) => (turn.role === 'assistant' ? checkAssistantTurn(turn, turns[position + 1], position === turns.length - 1, thinkingType) : checkToolResults(turn, turns[position - 1])))
  checkToolLoopThinking(turns, thinkingType)
}

function readContent(content: unknown, path: string, allowed: string[], context: AnthropicMockValidationContext): JsonObject[] {
  if (content === undefined) rejectRequest(`${path}: Field required`)
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }]
  if (!Array.isArray(content)) rejectRequest(`${path}: Input should be a valid string or list`)
  return content.map((block, index) => validateMockContentBlock(block, joinPath(path, index), allowed, context))
}

/** 2026-10-21: a text block in a user message may not carry citations. */
function rejectUserCitations(blocks: JsonObject[], path: string): void {
  blocks.forEach((block, index) => {
    if (block.type === 'text' && Array.isArray(block.citations) && block.citations.length > 0) {
      rejectRequest(`${path}.content.${index}.text.citations: citations are not accepted on text blocks in user messages`)
    }
  })
}

/** Mid-conversation system messages: not first, right after a user turn, then an assistant turn or the end. */
function checkSystemPlacement(messages: unknown[], index: number): void {
  const path = `messages.${index}`
  if (index === 0) rejectRequest(`${path}: a system message cannot be the first message; use the top-level \`system\` parameter`)
  if ((messages[index - 1] as JsonObject).role !== 'user') rejectRequest(`${path}: a system message must immediately follow a user message`)
  const next = messages[index + 1]
  if (next !== undefined && (next as JsonObject).role !== 'assistant') rejectRequest(`${path}: a system message must be the last message or be followed by an assistant message`)
}

function leadingToolResultIds(turn: MockTurn | undefined): Set<string> {
  const ids = new Set<string>()
  if (turn?.role !== 'user') return ids
  for (const block of turn.blocks) {
    if (block.type !== 'tool_result') break
    ids.add(block.tool_use_id as string)
  }
  return ids
}

function checkAssistantTurn(turn: MockTurn, next: MockTurn | undefined, isLast: boolean, thinkingType: string | undefined): void {
  const path = `messages.${turn.index}`
  const unanswered = turn.blocks.filter((block) => block.type === 'tool_use' && !leadingToolResultIds(next).has(block.id as string)).map((block) => block.id)
  if (unanswered.length > 0) {
    rejectRequest(`${path}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${unanswered.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`)
  }
  const thinkingAt = turn.blocks.findIndex((block) => thinkingTypes.has(block.type as string))
  if (thinkingAt === -1) return
  const first = turn.blocks[0]!.type as string
  if (!thinkingTypes.has(first)) rejectRequest(`${path}.content.0: If an assistant message contains any thinking blocks, the first block must be thinking or redacted_thinking. Found ${first}.`)
  if (thinkingTypes.has(turn.blocks[turn.blocks.length - 1]!.type as string)) rejectRequest(`${path}: The final block in an assistant message cannot be \`thinking\`.`)
  if (isLast && (thinkingType === undefined || thinkingType === 'disabled')) {
    rejectRequest(`${path}.content.${thinkingAt}: When thinking is disabled, an \`assistant\` message in the final position cannot contain \`thinking\`. To use thinking blocks, enable \`thinking\` in your request.`)
  }
}

function checkToolResults(turn: MockTurn, previous: MockTurn | undefined): void {
  const calls = new Set(previous?.role === 'assistant' ? previous.blocks.filter((block) => block.type === 'tool_use').map((block) => block.id as string) : [])
  turn.blocks.forEach((block, position) => {
    if (block.type === 'tool_result' && !calls.has(block.tool_use_id as string)) {
      rejectRequest(`messages.${turn.index}.content.${position}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${block.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`)
    }
  })
}

/** With manual thinking, the assistant turn answered by the final tool results must open with thinking. */
function checkToolLoopThinking(turns: MockTurn[], thinkingType: string | undefined): void {
  const last = turns[turns.length - 1]
  const previous = turns[turns.length - 2]
  if (thinkingType !== 'enabled' || !last || leadingToolResultIds(last).size === 0 || previous?.role !== 'assistant') return
  const first = previous.blocks[0]?.type as string
  if (thinkingTypes.has(first)) return
  rejectRequest(
    `messages.${previous.index}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${first}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking`,
  )
}
