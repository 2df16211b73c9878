import { randomBytes } from 'node:crypto'
import { isRecord } from './openai-chat-is-record'
import { openAiErrorForStatus, type OpenAiMockError } from './openai-chat-mock-error'
import { readJsonPrefix } from './openai-chat-read-json-prefix'

export const defaultReplyText = 'Hello from the mock upstream.'
export const unicodeReplyText = 'héllo wörld 🌍 日本語'
export const thinkingText = 'Let me think about this step by step.'

export interface OpenAiMockToolCall {
  id: string
  name: string
  arguments: string
}

export interface OpenAiMockUsage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number }
  completion_tokens_details: { reasoning_tokens: number; audio_tokens: number; accepted_prediction_tokens: number; rejected_prediction_tokens: number }
}

/** What one chat completion request gets back, decided from the markers in its last user message. */
export interface OpenAiChatReplyPlan {
  model: string
  reasoning?: string
  text?: string
  toolCalls: OpenAiMockToolCall[]
  finishReason: 'stop' | 'length' | 'tool_calls'
  usage: OpenAiMockUsage
  /** `ERROR:<status>`: answer with that status instead. */
  failure?: OpenAiMockError
  midstreamError: boolean
  /** `STREAM_FAILS`: refuse to stream (503), answer without streaming. */
  streamFails: boolean
  /** `UNICODE`: write the stream's bytes split inside multi-byte characters. */
  splitCharacters: boolean
  /** `SLOW_STREAM`: many small deltas with a pause between them (for abort tests). */
  slow: boolean
  /** Model `quirk-empty-choices`: a leading Azure-style chunk with `choices: []`. */
  emptyChoicesFirst: boolean
  /** Model `quirk-args-first-chunk`: the whole arguments in the first tool-call delta. */
  argumentsInFirstChunk: boolean
}

export function textOf(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content.map((part) => (isRecord(part) && part.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('')
}

export function planOpenAiChatReply(body: { model: string; messages: Array<Record<string, unknown>>; tools?: unknown }): OpenAiChatReplyPlan {
  const { model, messages } = body
  const lastUser = [...messages].reverse().find((message) => message.role === 'user')
  const marker = textOf(lastUser?.content)
  // The gateway sends images from tool results in a user message right after the tool messages.
  const attachmentsOnly = messages.at(-1)?.role === 'user' && textOf(messages.at(-1)?.content).startsWith('Attachments of tool result')
  const answered = attachmentsOnly ? messages.slice(0, -1) : messages
  const answersTool = answered.at(-1)?.role === 'tool'
  const status = /ERROR:(\d{3})/.exec(marker)?.[1]
  const toolCalls = answersTool ? [] : plannedToolCalls(marker, model.includes('quirk-tooluse-ids') ? 'tooluse_' : 'call_')
  const reasoning = marker.includes('WITHTHINKING') ? thinkingText : undefined

  let text: string | undefined
  if (answersTool) text = `Tool said: ${trailingToolResults(answered).join('; ')}`
  else if (toolCalls.length === 0) text = marker.includes('UNICODE') ? unicodeReplyText : defaultReplyText
  const images = countImages(messages)
  if (text !== undefined && images > 0) text += ` (saw ${images} image(s))`

  let finishReason: OpenAiChatReplyPlan['finishReason'] = marker.includes('MAXTOKENS') ? 'length' : 'stop'
  if (toolCalls.length > 0) finishReason = model.includes('quirk-tool-stop') ? 'stop' : 'tool_calls'
  const output = `${reasoning ?? ''}${text ?? ''}${toolCalls.map((call) => call.name + call.arguments).join('')}`

  return {
    model,
    reasoning,
    text,
    toolCalls,
    finishReason,
    usage: mockUsage(JSON.stringify([messages, body.tools ?? null]).length, output.length, reasoning?.length ?? 0, marker.includes('CACHE')),
    failure: status ? openAiErrorForStatus(Number(status)) : undefined,
    midstreamError: marker.includes('MIDSTREAM_ERROR'),
    streamFails: marker.includes('STREAM_FAILS'),
    splitCharacters: marker.includes('UNICODE'),
    slow: marker.includes('SLOW_STREAM'),
    emptyChoicesFirst: model.includes('quirk-empty-choices'),
    argumentsInFirstChunk: model.includes('quirk-args-first-chunk'),
  }
}

export function mockId(prefix: string, length = 24): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return prefix + [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('')
}

function plannedToolCalls(marker: string, idPrefix: string): OpenAiMockToolCall[] {
  if (marker.includes('PARALLEL_TOOLS')) {
    return [
      { id: mockId(idPrefix), name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: mockId(idPrefix), name: 'get_weather', arguments: '{"city":"London"}' },
    ]
  }
  const match = /TOOLCALL:([a-zA-Z0-9_-]+):/.exec(marker)
  if (!match) return []
  const json = readJsonPrefix(marker.slice(match.index + match[0].length))
  return [{ id: mockId(idPrefix), name: match[1]!, arguments: json ?? '{}' }]
}

function trailingToolResults(messages: Array<Record<string, unknown>>): string[] {
  const results: string[] = []
  for (let index = messages.length - 1; index >= 0 && messages[index]!.role === 'tool'; index--) results.unshift(textOf(messages[index]!.content))
  return results
}

function countImages(messages: Array<Record<string, unknown>>): number {
  return messages.reduce((count, message) => count + (Array.isArray(message.content) ? message.content.filter((part) => isRecord(part) && part.type === 'image_url').length : 0), 0)
}

function mockUsage(promptChars: number, outputChars: number, reasoningChars: number, cached: boolean): OpenAiMockUsage {
  const prompt = Math.ceil(promptChars / 4) + (cached ? 100 : 0)
  const completion = Math.ceil(outputChars / 4) + 1
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cached ? 100 : 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: Math.ceil(reasoningChars / 4), audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  }
}
