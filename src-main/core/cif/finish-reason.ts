/**
 * Why generation ended. `unified` is what every serialiser maps from; `raw` is the upstream's own word,
 * kept so a same-dialect serialiser can repeat it exactly (Anthropic `pause_turn`, `refusal`, …).
 */
export type CifUnifiedFinishReason = 'stop' | 'stop-sequence' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other'

export interface CifFinishReason {
  unified: CifUnifiedFinishReason
  raw?: string
  /** The stop sequence that matched, when unified is 'stop-sequence'. */
  stopSequence?: string
}
