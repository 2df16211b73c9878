import type { KimiReplyPlan } from './kimi-mock-reply'
import { splitIntoDeltas } from './openai-chat-mock-chunks'
import { mockId } from './openai-chat-mock-reply'

const slowTicks = 40

/**
 * The plan as Moonshot streams it: reasoning as `reasoning_content` deltas, tool calls with `index`, the
 * usage INSIDE the finishing choice (Moonshot's spelling), and with `stream_options.include_usage` one more
 * `choices: []` chunk with the same usage at the top level. A mid-stream failure is `data: {"error":…}`
 * and the end of the body.
 */
export function buildKimiChunks(plan: KimiReplyPlan, includeUsage: boolean): { chunks: unknown[]; done: boolean } {
  const base = { id: mockId('chatcmpl-', 24), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: plan.model }
  const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...base, choices: [{ index: 0, delta, finish_reason: null, ...extra }], system_fingerprint: 'fpv0_mock0001' })
  const chunks: unknown[] = [chunk({ role: 'assistant', content: '' })]
  for (const piece of plan.reasoning ? splitIntoDeltas(plan.reasoning) : []) chunks.push(chunk({ reasoning_content: piece }))
  const textPieces = plan.text === undefined ? [] : plan.slow ? Array.from({ length: slowTicks }, (_, tick) => `tick ${tick} `) : splitIntoDeltas(plan.text)
  for (const [index, piece] of textPieces.entries()) {
    chunks.push(chunk({ content: piece }))
    if (plan.midstreamError && index === 1) {
      chunks.push({ error: { message: 'Server error, please try again later', type: 'server_error' } })
      return { chunks, done: false }
    }
  }
  for (const [index, call] of plan.toolCalls.entries()) {
    chunks.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }))
    const half = Math.ceil(call.arguments.length / 2)
    for (const piece of [call.arguments.slice(0, half), call.arguments.slice(half)].filter(Boolean)) chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }))
  }
  chunks.push(chunk({}, { finish_reason: plan.finishReason, usage: plan.usage }))
  if (includeUsage) chunks.push({ ...base, choices: [], usage: plan.usage })
  return { chunks, done: true }
}
