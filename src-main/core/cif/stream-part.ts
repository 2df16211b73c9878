import type { GatewayError } from '../errors/gateway-error'
import type { CifReasoningOrigin, CifToolKind } from './content'
import type { CifFinishReason } from './finish-reason'
import type { CifUsage } from './usage'
import type { CifWarning } from './warning'

/**
 * The canonical stream, noun-verb: every block is opened (`-start`), filled (`-delta`) and closed
 * (`-end`) under its own `id`, and the stream ends with exactly one `finish` or `error`.
 *
 * Order: stream-start → response-metadata? → blocks (may interleave by id) → finish | error.
 */
export type CifStreamPart =
  | { type: 'stream-start'; warnings: CifWarning[] }
  /** Sent once, as soon as known. `usage` carries early input counts (Anthropic message_start). */
  | { type: 'response-metadata'; id?: string; model?: string; usage?: CifUsage }
  | { type: 'text-start'; id: string }
  | { type: 'text-delta'; id: string; delta: string }
  | { type: 'text-end'; id: string }
  | { type: 'reasoning-start'; id: string; origin?: CifReasoningOrigin; itemId?: string; redactedData?: string }
  | { type: 'reasoning-delta'; id: string; delta: string }
  /** Anthropic `signature_delta`; may come before reasoning-end. */
  | { type: 'reasoning-signature'; id: string; signature: string }
  | { type: 'reasoning-end'; id: string; encryptedContent?: string }
  /** `id` is the tool call id the client will answer with. */
  | { type: 'tool-input-start'; id: string; toolName: string; kind: CifToolKind; itemId?: string }
  | { type: 'tool-input-delta'; id: string; delta: string }
  | { type: 'tool-input-end'; id: string }
  | { type: 'finish'; finishReason: CifFinishReason; usage: CifUsage }
  /** A failure after the stream began; serialisers end the client stream with the dialect's error event. */
  | { type: 'error'; error: GatewayError }
