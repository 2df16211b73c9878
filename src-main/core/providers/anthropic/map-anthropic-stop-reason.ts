import type { CifFinishReason } from '../../cif'

/** Messages `stop_reason` → CIF finish reason; the upstream's word is always kept as `raw`. */
export function mapAnthropicStopReason(stopReason: string | null | undefined, stopSequence?: string | null): CifFinishReason {
  const raw = stopReason ?? undefined
  const withRaw = raw === undefined ? {} : { raw }
  switch (stopReason) {
    case 'end_turn':
      return { unified: 'stop', ...withRaw }
    case 'stop_sequence':
      return { unified: 'stop-sequence', ...withRaw, ...(stopSequence ? { stopSequence } : {}) }
    case 'max_tokens':
      return { unified: 'length', ...withRaw }
    case 'tool_use':
      return { unified: 'tool-calls', ...withRaw }
    case 'refusal':
      return { unified: 'content-filter', ...withRaw }
    default:
      // pause_turn, model_context_window_exceeded and anything newer.
      return { unified: 'other', ...withRaw }
  }
}
