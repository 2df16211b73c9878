import { randomBytes } from 'node:crypto'
import type { CifToolCallPart } from '../../cif'
import type { GeminiPartReading } from './read-gemini-part'

/**
 * A functionCall → a CIF tool call. The Gemini API often sends no call id: one is made up then, and
 * sent back on the functionCall and functionResponse of later turns. A custom (freeform) tool travels
 * as a function with one string argument `input` (see prepare-gemini-tools); its text comes back raw.
 */
export function toCifToolCall(call: Extract<GeminiPartReading, { type: 'function-call' }>, customToolNames: ReadonlySet<string>): CifToolCallPart {
  const custom = customToolNames.has(call.name)
  const input = custom ? (typeof call.args.input === 'string' ? call.args.input : JSON.stringify(call.args)) : JSON.stringify(call.args)
  return { type: 'tool-call', toolCallId: call.id ?? `call_${randomBytes(12).toString('hex')}`, toolName: call.name, kind: custom ? 'custom' : 'function', input }
}
