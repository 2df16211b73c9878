import { describe, expect, test } from 'vitest'
import { mapOpenAiFinishReason } from './map-openai-finish-reason'

describe('mapOpenAiFinishReason', () => {
  test.each([
    ['stop', false, { unified: 'stop', raw: 'stop' }],
    ['length', false, { unified: 'length', raw: 'length' }],
    ['tool_calls', true, { unified: 'tool-calls', raw: 'tool_calls' }],
    ['function_call', true, { unified: 'tool-calls', raw: 'function_call' }],
    ['content_filter', false, { unified: 'content-filter', raw: 'content_filter' }],
    ['stop', true, { unified: 'tool-calls', raw: 'stop' }],
    ['tool_calls', false, { unified: 'stop', raw: 'tool_calls' }],
    ['end_turn', false, { unified: 'stop', raw: 'end_turn' }],
    ['length', true, { unified: 'length', raw: 'length' }],
    ['eos_token', false, { unified: 'other', raw: 'eos_token' }],
  ] as const)('%s (tool calls seen: %s)', (raw, sawToolCalls, expected) => {
    expect(mapOpenAiFinishReason(raw, { sawToolCalls })).toEqual(expected)
  })

  test('a vLLM stop_reason string names the stop sequence; a token id does not', () => {
    expect(mapOpenAiFinishReason('stop', { sawToolCalls: false, stopReason: 'END' })).toEqual({ unified: 'stop-sequence', raw: 'stop', stopSequence: 'END' })
    expect(mapOpenAiFinishReason('stop', { sawToolCalls: false, stopReason: 128009 })).toEqual({ unified: 'stop', raw: 'stop' })
  })
})
