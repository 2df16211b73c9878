import type { CifFinishReason, CifUnifiedFinishReason } from '../../cif'

const unifiedByRaw: Record<string, CifUnifiedFinishReason> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
  content_filter: 'content-filter',
  error: 'error',
  // Anthropic words, from proxies that pass Claude's stop reason through.
  end_turn: 'stop',
  max_tokens: 'length',
  tool_use: 'tool-calls',
  stop_sequence: 'stop-sequence',
}

/**
 * A chat `finish_reason` → the CIF's, raw word kept. Tool calls are what counts: `stop` with tool calls
 * (Qwen, Copilot) is 'tool-calls'; `tool_calls` without any is 'stop' (a client would wait for a call that
 * never came). vLLM's `stop_reason` names the stop string that matched.
 */
export function mapOpenAiFinishReason(raw: string | null | undefined, options: { sawToolCalls: boolean; stopReason?: string | number | null }): CifFinishReason {
  if (raw === null || raw === undefined) return { unified: 'other' }
  let unified = unifiedByRaw[raw] ?? 'other'
  if (options.sawToolCalls && (unified === 'stop' || unified === 'stop-sequence')) unified = 'tool-calls'
  if (!options.sawToolCalls && unified === 'tool-calls') unified = 'stop'
  if (unified === 'stop' && typeof options.stopReason === 'string') return { unified: 'stop-sequence', raw, stopSequence: options.stopReason }
  return { unified, raw }
}
