import { mockId, type OpenAiChatReplyPlan } from './openai-chat-mock-reply'

const slowTicks = 40

/** Word-sized pieces, as a model streams them ('héllo ', 'wörld ', …). */
export function splitIntoDeltas(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [text]
}

function splitArguments(json: string): string[] {
  const third = Math.max(1, Math.ceil(json.length / 3))
  const pieces: string[] = []
  for (let start = 0; start < json.length; start += third) pieces.push(json.slice(start, start + third))
  return pieces
}

/**
 * The plan as the JSON chunks the real API streams: a role chunk, deltas, a finish chunk with an empty
 * delta and, with `stream_options.include_usage`, `usage: null` on every chunk and a last chunk with
 * `choices: []`. A mid-stream error ends with `{"error":…}` and no `[DONE]`.
 */
export function buildOpenAiChatChunks(plan: OpenAiChatReplyPlan, includeUsage: boolean): { chunks: unknown[]; done: boolean } {
  const id = mockId('chatcmpl-', 29)
  const created = Math.floor(Date.now() / 1000)
  const base = { id, object: 'chat.completion.chunk', created, model: plan.model, service_tier: 'default', system_fingerprint: 'fp_mock0001', ...(includeUsage ? { usage: null } : {}) }
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] })
  const chunks: unknown[] = []

  if (plan.emptyChoicesFirst) {
    chunks.push({
      id: '',
      object: '',
      created: 0,
      model: '',
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' }, violence: { filtered: false, severity: 'safe' } } }],
      choices: [],
    })
  }
  chunks.push(chunk({ role: 'assistant', content: plan.reasoning || plan.toolCalls.length > 0 ? null : '', refusal: null }))
  for (const piece of plan.reasoning ? splitIntoDeltas(plan.reasoning) : []) chunks.push(chunk({ content: null, reasoning_content: piece }))

  const textPieces = plan.text === undefined ? [] : plan.slow ? Array.from({ length: slowTicks }, (_, tick) => `tick ${tick} `) : splitIntoDeltas(plan.text)
  for (const [index, piece] of textPieces.entries()) {
    chunks.push(chunk({ content: piece }))
    if (plan.midstreamError && index === 1) {
      chunks.push({ error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } })
      return { chunks, done: false }
    }
  }

  for (const [index, call] of plan.toolCalls.entries()) {
    const head = { index, id: call.id, type: 'function', function: { name: call.name, arguments: plan.argumentsInFirstChunk ? call.arguments : '' } }
    chunks.push(chunk({ tool_calls: [head] }))
    if (plan.argumentsInFirstChunk) continue
    for (const piece of splitArguments(call.arguments)) chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }))
  }

  chunks.push(chunk({}, plan.finishReason))
  if (includeUsage) chunks.push({ ...base, choices: [], usage: plan.usage })
  return { chunks, done: true }
}
