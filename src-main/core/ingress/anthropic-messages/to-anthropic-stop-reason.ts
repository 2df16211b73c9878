import type { CifFinishReason } from '../../cif'

/** Every value the Messages API documents for `stop_reason`; nothing else is ever sent. */
export const anthropicStopReasons = ['end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'pause_turn', 'refusal', 'model_context_window_exceeded'] as const

export type AnthropicStopReason = (typeof anthropicStopReasons)[number]

function isAnthropicStopReason(value: string | undefined): value is AnthropicStopReason {
  return (anthropicStopReasons as readonly string[]).includes(value ?? '')
}

/**
 * The finish reason as Anthropic words it. Truncation wins (a cut-off tool call is still cut off); then
 * tool calls decide, whatever the upstream said (some say `stop` beside tool calls, others `tool_use`
 * with none); then a raw Anthropic value (`pause_turn`, `refusal` …) passes through; the rest maps from
 * the unified reason, with `end_turn` for error and other.
 */
export function toAnthropicStopReason(finishReason: CifFinishReason, hasToolCalls: boolean): { stopReason: AnthropicStopReason; stopSequence: string | null } {
  const stopSequence = finishReason.stopSequence ?? null
  if (finishReason.unified === 'length') return { stopReason: finishReason.raw === 'model_context_window_exceeded' ? finishReason.raw : 'max_tokens', stopSequence: null }
  if (hasToolCalls) return { stopReason: 'tool_use', stopSequence: null }
  if (isAnthropicStopReason(finishReason.raw) && finishReason.raw !== 'tool_use') {
    return { stopReason: finishReason.raw, stopSequence: finishReason.raw === 'stop_sequence' ? stopSequence : null }
  }
  switch (finishReason.unified) {
    case 'stop-sequence':
      return { stopReason: 'stop_sequence', stopSequence }
    case 'content-filter':
      return { stopReason: 'refusal', stopSequence: null }
    default:
      return { stopReason: 'end_turn', stopSequence: null }
  }
}
