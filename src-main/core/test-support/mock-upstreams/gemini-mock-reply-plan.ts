import { randomBytes } from 'node:crypto'
import { countGeminiMockImages, readGeminiMockLastUserContent } from './gemini-mock-read-conversation'
import { signGeminiMockPart } from './gemini-mock-signature'
import { countGeminiMockOutputTokens, countGeminiMockPromptTokens } from './gemini-mock-token-count'

type JsonObject = Record<string, unknown>

export type GeminiMockReplyPart =
  | { text: string; thought?: true; thoughtSignature?: string }
  | { functionCall: { id: string; name: string; args: Record<string, unknown> }; thoughtSignature?: string }

export interface GeminiMockReplyPlan {
  /** `ERROR:<status>`: answer with that status instead. */
  errorStatus?: number
  parts: GeminiMockReplyPart[]
  finishReason: 'STOP' | 'MAX_TOKENS'
  usageMetadata: JsonObject
  /** `MIDSTREAM_ERROR`: some text, then an in-band error chunk, then close (non-streaming: 500). */
  midstreamError: boolean
  /** `STREAM_FAILS`: a streaming request gets 503 before any byte; the same request without stream works. */
  streamFails: boolean
  /** `UNICODE`: multi-byte characters split across TCP writes. */
  splitUnicode: boolean
  /** `SLOW_STREAM`: many small chunks with pauses (for abort tests). */
  slow: boolean
}

export const geminiMockDefaultReply = 'Hello from the mock upstream.'
export const geminiMockUnicodeReply = 'héllo wörld 🌍 日本語'
const mockThought = 'The user wants an answer; let me think it through step by step.'

/**
 * Reads the shared mock-upstream markers from the last user content and plans the answer. With thinking
 * on (a thinkingConfig whose budget is not 0), WITHTHINKING adds a thought part when `includeThoughts`
 * asks for it, and the first function call carries a signature (else the thought does), as thinking
 * models do; signed call ids go into `signedCallIds` for the Gemini 3 replay check.
 */
export function planGeminiMockReply(body: JsonObject, signedCallIds: Set<string>): GeminiMockReplyPlan {
  const contents = body.contents as JsonObject[]
  const turn = readGeminiMockLastUserContent(contents)
  const marker = (name: string) => turn.text.includes(name)
  const thinking = ((body.generationConfig as JsonObject | undefined)?.thinkingConfig ?? undefined) as JsonObject | undefined
  const thinkingOn = thinking !== undefined && Number(thinking.thinkingBudget ?? -1) !== 0
  const callingMode = String(((body.toolConfig as JsonObject | undefined)?.functionCallingConfig as JsonObject | undefined)?.mode ?? 'AUTO').toUpperCase()
  const parts: GeminiMockReplyPart[] = []

  const thought = marker('WITHTHINKING') && thinkingOn ? mockThought : undefined
  if (thought && thinking?.includeThoughts === true) parts.push({ text: thought, thought: true })
  const toolCall = turn.toolResultText === undefined && callingMode !== 'NONE' ? readToolCallMarker(turn.text) : undefined
  if (turn.toolResultText === undefined && callingMode !== 'NONE' && marker('PARALLEL_TOOLS')) parts.push(call('get_weather', { city: 'Paris' }), call('get_weather', { city: 'London' }))
  else if (toolCall) parts.push(call(toolCall.name, toolCall.args))
  else {
    const images = countGeminiMockImages(contents)
    const text = turn.toolResultText !== undefined ? `Tool said: ${turn.toolResultText}` : marker('UNICODE') ? geminiMockUnicodeReply : geminiMockDefaultReply
    parts.push({ text: images > 0 ? `${text} (saw ${images} image(s))` : text })
  }
  if (thinkingOn) sign(parts, signedCallIds)

  const cached = marker('CACHE') ? 100 : 0
  const promptTokenCount = countGeminiMockPromptTokens(body) + cached
  const candidatesTokenCount = countGeminiMockOutputTokens(JSON.stringify(parts.filter((part) => !('thought' in part))))
  const thoughtsTokenCount = thought ? countGeminiMockOutputTokens(thought) : 0
  const errorStatus = /ERROR:(\d{3})/.exec(turn.text)?.[1]
  return {
    ...(errorStatus ? { errorStatus: Number(errorStatus) } : {}),
    parts,
    finishReason: marker('MAXTOKENS') ? 'MAX_TOKENS' : 'STOP',
    usageMetadata: {
      promptTokenCount,
      candidatesTokenCount,
      totalTokenCount: promptTokenCount + candidatesTokenCount + thoughtsTokenCount,
      ...(cached ? { cachedContentTokenCount: cached } : {}),
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokenCount }],
      ...(thoughtsTokenCount ? { thoughtsTokenCount } : {}),
    },
    midstreamError: marker('MIDSTREAM_ERROR'),
    streamFails: marker('STREAM_FAILS'),
    splitUnicode: marker('UNICODE'),
    slow: marker('SLOW_STREAM'),
  }
}

function call(name: string, args: Record<string, unknown>): GeminiMockReplyPart {
  return { functionCall: { id: randomBytes(6).toString('base64url'), name, args } }
}

/** The first function call is signed (parallel calls share that one signature), else the thought part. */
function sign(parts: GeminiMockReplyPart[], signedCallIds: Set<string>): void {
  const firstCall = parts.find((part) => 'functionCall' in part)
  if (firstCall && 'functionCall' in firstCall) {
    firstCall.thoughtSignature = signGeminiMockPart({ call: firstCall.functionCall })
    signedCallIds.add(firstCall.functionCall.id)
    return
  }
  const thought = parts.find((part) => 'thought' in part)
  if (thought && 'text' in thought) thought.thoughtSignature = signGeminiMockPart({ thought: thought.text })
}

/** `TOOLCALL:<name>:<json-object>`: the JSON object is read up to its matching closing brace. */
function readToolCallMarker(text: string): { name: string; args: Record<string, unknown> } | undefined {
  const match = /TOOLCALL:([a-zA-Z0-9_.:-]+?):\{/.exec(text)
  if (!match) return undefined
  const start = match.index + match[0].length - 1
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
        return { name: match[1]!, args: JSON.parse(text.slice(start, index + 1)) as Record<string, unknown> }
      } catch {
        return undefined
      }
    }
  }
  return undefined
}
