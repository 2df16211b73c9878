import type { DashScopeReplyPlan } from './dashscope-mock-reply'
import { splitIntoDeltas } from './openai-chat-mock-chunks'
import { mockId } from './openai-chat-mock-reply'

const slowTicks = 40

function thirds(json: string): string[] {
  const size = Math.max(1, Math.ceil(json.length / 3))
  const pieces: string[] = []
  for (let start = 0; start < json.length; start += size) pieces.push(json.slice(start, start + size))
  return pieces
}

/**
 * The plan as DashScope streams it: `usage: null` on every chunk, reasoning as `reasoning_content` deltas
 * with `content: null`, tool-call continuations that repeat `type` with an empty `id` (DashScope's
 * shape), a finish chunk, and with `stream_options.include_usage` a last `choices: []` chunk with usage.
 * A mid-stream failure is a `data: {"error":…}` chunk and the end of the body (no `[DONE]`).
 */
export function buildDashScopeChunks(plan: DashScopeReplyPlan, includeUsage: boolean): { chunks: unknown[]; done: boolean } {
  const id = mockId('chatcmpl-', 32)
  const base = { object: 'chat.completion.chunk', usage: null, created: Math.floor(Date.now() / 1000), system_fingerprint: null, model: plan.model, id }
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({ choices: [{ delta, finish_reason: finishReason, index: 0, logprobs: null }], ...base })
  const chunks: unknown[] = [chunk({ content: plan.reasoning || plan.toolCalls.length > 0 ? null : '', role: 'assistant' })]
  for (const piece of plan.reasoning ? splitIntoDeltas(plan.reasoning) : []) chunks.push(chunk({ content: null, reasoning_content: piece }))

  const textPieces = plan.text === undefined ? [] : plan.slow ? Array.from({ length: slowTicks }, (_, tick) => `tick ${tick} `) : splitIntoDeltas(plan.text)
  for (const [index, piece] of textPieces.entries()) {
    chunks.push(chunk({ content: piece }))
    if (plan.midstreamError && index === 1) {
      chunks.push({ error: { code: 'internal_error', param: null, message: 'An internal error has occured, please try again later or contact service support.', type: 'internal_error' }, request_id: mockId('', 32) })
      return { chunks, done: false }
    }
  }
  for (const [index, call] of plan.toolCalls.entries()) {
    chunks.push(chunk({ content: null, tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }))
    for (const piece of thirds(call.arguments)) chunks.push(chunk({ tool_calls: [{ index, id: '', type: 'function', function: { arguments: piece } }] }))
  }
  chunks.push(chunk({ content: '' }, plan.finishReason))
  if (includeUsage) chunks.push({ ...base, choices: [], usage: plan.usage })
  return { chunks, done: true }
}
