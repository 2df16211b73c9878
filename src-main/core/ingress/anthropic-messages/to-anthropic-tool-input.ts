import type { CifToolCallPart } from '../../cif'

/**
 * A tool call's `input` object. Function tools carry JSON text; an empty text is `{}`. Text that is not a
 * JSON object is not thrown away: it travels as `{"_unparsable_arguments": text}`, so the model sees what
 * it produced when the client reports the failure. A freeform (custom) tool's text becomes `{"input": text}`.
 */
export function toAnthropicToolInput(part: Pick<CifToolCallPart, 'kind' | 'input'>): Record<string, unknown> {
  if (part.kind === 'custom') return { input: part.input }
  if (part.input.trim() === '') return {}
  try {
    const value: unknown = JSON.parse(part.input)
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // Falls through to the wrapper below.
  }
  return { _unparsable_arguments: part.input }
}
