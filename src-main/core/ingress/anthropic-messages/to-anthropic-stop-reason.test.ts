import { describe, expect, test } from 'vitest'
import type { CifFinishReason } from '../../cif'
import { anthropicStopReasons, toAnthropicStopReason } from './to-anthropic-stop-reason'

describe('finish reason → stop_reason', () => {
  test.each<[CifFinishReason, boolean, string, string | null]>([
    [{ unified: 'stop' }, false, 'end_turn', null],
    [{ unified: 'stop-sequence', stopSequence: '###' }, false, 'stop_sequence', '###'],
    [{ unified: 'length' }, false, 'max_tokens', null],
    [{ unified: 'length' }, true, 'max_tokens', null],
    [{ unified: 'length', raw: 'model_context_window_exceeded' }, false, 'model_context_window_exceeded', null],
    [{ unified: 'tool-calls' }, true, 'tool_use', null],
    // Copilot and Qwen say "stop" beside tool calls; the calls decide.
    [{ unified: 'stop', raw: 'stop' }, true, 'tool_use', null],
    [{ unified: 'stop', raw: 'end_turn' }, true, 'tool_use', null],
    // "tool_use" with no tool block would leave the client waiting for a call that never came.
    [{ unified: 'tool-calls', raw: 'tool_use' }, false, 'end_turn', null],
    [{ unified: 'content-filter', raw: 'content_filter' }, false, 'refusal', null],
    [{ unified: 'content-filter', raw: 'SAFETY' }, false, 'refusal', null],
    [{ unified: 'other', raw: 'pause_turn' }, false, 'pause_turn', null],
    [{ unified: 'content-filter', raw: 'refusal' }, false, 'refusal', null],
    [{ unified: 'stop-sequence', raw: 'stop_sequence', stopSequence: 'END' }, false, 'stop_sequence', 'END'],
    [{ unified: 'error', raw: 'error' }, false, 'end_turn', null],
    [{ unified: 'other', raw: 'function_call' }, false, 'end_turn', null],
  ])('%j, tool calls: %s → %s', (finishReason, hasToolCalls, stopReason, stopSequence) => {
    const result = toAnthropicStopReason(finishReason, hasToolCalls)
    expect(result).toEqual({ stopReason, stopSequence })
    expect(anthropicStopReasons).toContain(result.stopReason)
  })
})
