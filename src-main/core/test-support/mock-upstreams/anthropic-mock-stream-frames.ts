import type { MockReplyBlock, MockReplyPlan } from './anthropic-mock-reply-plan'

export interface MockSseFrame {
  event: string
  data: Record<string, unknown>
}

/** The message object of a response (and, empty, of message_start), as the API reference shows it. */
export function mockMessage(plan: MockReplyPlan, id: string, model: string, complete: boolean): Record<string, unknown> {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: complete ? plan.blocks : [],
    stop_reason: complete ? plan.stopReason : null,
    stop_sequence: complete ? plan.stopSequence : null,
    usage: complete ? plan.usage : { ...plan.usage, output_tokens: 1 },
  }
}

/**
 * A plan → the SSE events of a streamed answer, in the documented order: message_start, per block
 * content_block_start / deltas / content_block_stop (a ping after the first start), message_delta with
 * cumulative usage, message_stop. MIDSTREAM_ERROR cuts it after the first text delta with `event: error`.
 */
export function mockStreamFrames(plan: MockReplyPlan, id: string, model: string): MockSseFrame[] {
  const frames: MockSseFrame[] = [{ event: 'message_start', data: { type: 'message_start', message: mockMessage(plan, id, model, false) } }]
  for (const [index, block] of plan.blocks.entries()) {
    frames.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: emptyBlock(block) } })
    if (index === 0) frames.push({ event: 'ping', data: { type: 'ping' } })
    for (const delta of blockDeltas(block, plan.slow)) {
      frames.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta } })
      if (plan.midstreamError && delta.type === 'text_delta') {
        frames.push({ event: 'error', data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } })
        return frames
      }
    }
    frames.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } })
  }
  const { cache_creation: _cacheCreation, ...cumulativeUsage } = plan.usage
  frames.push({ event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: plan.stopReason, stop_sequence: plan.stopSequence }, usage: cumulativeUsage } })
  frames.push({ event: 'message_stop', data: { type: 'message_stop' } })
  return frames
}

function emptyBlock(block: MockReplyBlock): Record<string, unknown> {
  if (block.type === 'text') return { type: 'text', text: '' }
  if (block.type === 'thinking') return { type: 'thinking', thinking: '', signature: '' }
  return { type: 'tool_use', id: block.id, name: block.name, input: {} }
}

function blockDeltas(block: MockReplyBlock, slow: boolean): Array<Record<string, unknown>> {
  if (block.type === 'text') return split(block.text, slow ? 20 : 3).map((text) => ({ type: 'text_delta', text }))
  if (block.type === 'thinking') return [...split(block.thinking, 2).map((thinking) => ({ type: 'thinking_delta', thinking })), { type: 'signature_delta', signature: block.signature }]
  return ['', ...split(JSON.stringify(block.input), 3)].map((partial_json) => ({ type: 'input_json_delta', partial_json }))
}

/** Splits text into about `parts` pieces on code-point boundaries (never inside a surrogate pair). */
function split(text: string, parts: number): string[] {
  const characters = [...text]
  const size = Math.max(1, Math.ceil(characters.length / parts))
  const pieces: string[] = []
  for (let start = 0; start < characters.length; start += size) pieces.push(characters.slice(start, start + size).join(''))
  return pieces
}
