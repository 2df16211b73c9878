import { randomBytes } from 'node:crypto'
import type { JsonObject } from './anthropic-mock-checks'
import { countMockImages, readMockLastUserTurn } from './anthropic-mock-read-conversation'
import { signMockThinking } from './anthropic-mock-signature'
import { countMockInputTokens, countMockOutputTokens } from './anthropic-mock-token-count'

export type MockReplyBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }

export interface MockUsage {
  input_tokens: number
  cache_creation_input_tokens: number
  cache_read_input_tokens: number
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number }
  output_tokens: number
}

export interface MockReplyPlan {
  /** `ERROR:<status>`: answer with that status instead. */
  errorStatus?: number
  blocks: MockReplyBlock[]
  stopReason: 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence'
  stopSequence: string | null
  usage: MockUsage
  /** `MIDSTREAM_ERROR`: some text, then `event: error`, then close. */
  midstreamError: boolean
  /** `UNICODE`: multi-byte characters split across TCP writes. */
  splitUnicode: boolean
  /** `SLOW_STREAM`: many small deltas with pauses (for abort tests). */
  slow: boolean
}

export const mockDefaultReply = 'Hello from the mock upstream.'
export const mockUnicodeReply = 'héllo wörld 🌍 日本語'
const mockThinking = 'The user wants an answer; let me think it through step by step.'

/** Reads the shared mock-upstream markers from the last user message and plans the answer. */
export function planMockReply(body: JsonObject): MockReplyPlan {
  const messages = body.messages as unknown[]
  const turn = readMockLastUserTurn(messages)
  const marker = (name: string) => turn.text.includes(name)
  const thinkingType = (body.thinking as JsonObject | undefined)?.type
  const parallelAllowed = (body.tool_choice as JsonObject | undefined)?.disable_parallel_tool_use !== true
  const blocks: MockReplyBlock[] = []

  if (marker('WITHTHINKING') && (thinkingType === 'enabled' || thinkingType === 'adaptive')) blocks.push({ type: 'thinking', thinking: mockThinking, signature: signMockThinking(mockThinking) })
  const toolCall = readToolCallMarker(turn.text)
  if (marker('PARALLEL_TOOLS')) {
    blocks.push(toolUse('get_weather', { city: 'Paris' }))
    if (parallelAllowed) blocks.push(toolUse('get_weather', { city: 'London' }))
  } else if (toolCall) blocks.push(toolUse(toolCall.name, toolCall.input))
  else {
    const images = countMockImages(messages)
    const text = turn.toolResultText !== undefined ? `Tool said: ${turn.toolResultText}` : marker('UNICODE') ? mockUnicodeReply : mockDefaultReply
    blocks.push({ type: 'text', text: images > 0 ? `${text} (saw ${images} image(s))` : text })
  }

  const hasToolUse = blocks.some((block) => block.type === 'tool_use')
  const stopReason = marker('MAXTOKENS') ? 'max_tokens' : marker('STOPSEQ') ? 'stop_sequence' : hasToolUse ? 'tool_use' : 'end_turn'
  const cached = marker('CACHE')
  const errorStatus = /ERROR:(\d{3})/.exec(turn.text)?.[1]
  return {
    ...(errorStatus ? { errorStatus: Number(errorStatus) } : {}),
    blocks,
    stopReason,
    stopSequence: stopReason === 'stop_sequence' ? 'END' : null,
    usage: {
      input_tokens: countMockInputTokens(body),
      cache_creation_input_tokens: cached ? 50 : 0,
      cache_read_input_tokens: cached ? 100 : 0,
      cache_creation: { ephemeral_5m_input_tokens: cached ? 50 : 0, ephemeral_1h_input_tokens: 0 },
      output_tokens: countMockOutputTokens(JSON.stringify(blocks)),
    },
    midstreamError: marker('MIDSTREAM_ERROR'),
    splitUnicode: marker('UNICODE'),
    slow: marker('SLOW_STREAM'),
  }
}

function toolUse(name: string, input: Record<string, unknown>): MockReplyBlock {
  return { type: 'tool_use', id: `toolu_${randomBytes(12).toString('hex')}`, name, input }
}

/** `TOOLCALL:<name>:<json-object>`: the JSON object is read up to its matching closing brace. */
function readToolCallMarker(text: string): { name: string; input: Record<string, unknown> } | undefined {
  const match = /TOOLCALL:([a-zA-Z0-9_-]+):/.exec(text)
  if (!match) return undefined
  const start = match.index + match[0].length
  let depth = 0
  let inString = false
  for (let index = start; index < text.length; index++) {
    const character = text[index]
    if (inString) {
      if (character === '\\') index++
      else if (character === '"') inString = false
    } else if (character === '"') inString = true
    else if (character === '{') depth++
    else if (character === '}' && --depth === 0) {
      try {
        return { name: match[1]!, input: JSON.parse(text.slice(start, index + 1)) as Record<string, unknown> }
      } catch {
        return undefined
      }
    }
  }
  return undefined
}
