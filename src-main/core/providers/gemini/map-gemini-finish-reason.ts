import type { CifFinishReason } from '../../cif'

/** Finish reasons that mean a filter stopped the answer (prompt `blockReason`s share these names). */
const contentFilterReasons = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION'])

/** The model produced a tool call the API could not use. */
const toolFailureReasons = new Set(['MALFORMED_FUNCTION_CALL', 'UNEXPECTED_TOOL_CALL', 'TOO_MANY_TOOL_CALLS'])

/**
 * Gemini `finishReason` → CIF finish reason; the upstream's word is always kept as `raw`. Gemini says
 * STOP after function calls too, so an answer with functionCall parts is unified as tool-calls. It
 * never names the stop sequence that matched: that is STOP as well.
 */
export function mapGeminiFinishReason(finishReason: string | null | undefined, hasToolCalls: boolean): CifFinishReason {
  const raw = finishReason ?? undefined
  const withRaw = raw === undefined ? {} : { raw }
  if (raw === 'STOP' || raw === undefined) return { unified: hasToolCalls ? 'tool-calls' : 'stop', ...withRaw }
  if (raw === 'MAX_TOKENS') return { unified: 'length', ...withRaw }
  if (contentFilterReasons.has(raw)) return { unified: 'content-filter', ...withRaw }
  if (toolFailureReasons.has(raw)) return { unified: 'error', ...withRaw }
  // LANGUAGE, OTHER, NO_IMAGE, FINISH_REASON_UNSPECIFIED and anything newer.
  return { unified: 'other', ...withRaw }
}
