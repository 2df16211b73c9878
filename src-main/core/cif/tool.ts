import type { CifCacheControl } from './cache-control'

export type JsonSchema = Record<string, unknown>

export interface CifFunctionTool {
  type: 'function'
  name: string
  description?: string
  /** JSON Schema of the arguments, as the client sent it (adapters sanitise for their upstream). */
  inputSchema: JsonSchema
  strict?: boolean
  cacheControl?: CifCacheControl
  /** Anthropic `eager_input_streaming` and similar hints that only the same dialect understands. */
  dialectOptions?: Record<string, unknown>
}

/** A freeform-input tool (Responses `custom`, e.g. Codex `apply_patch` with a Lark grammar). */
export interface CifCustomTool {
  type: 'custom'
  name: string
  description?: string
  /** `{ type: 'text' }` or `{ type: 'grammar', syntax, definition }`, kept verbatim. */
  format?: unknown
}

/**
 * A provider-hosted tool (web_search, code_interpreter, Anthropic server tools, Codex tool_search …).
 * Only an upstream of the same dialect can run it; others drop it with a warning.
 */
export interface CifBuiltinTool {
  type: 'builtin'
  dialect: 'anthropic' | 'openai-responses' | 'openai-chat'
  name: string
  /** The client's tool object, verbatim. */
  raw: Record<string, unknown>
}

export type CifTool = CifFunctionTool | CifCustomTool | CifBuiltinTool

export type CifToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  /** At least one tool (OpenAI `required`, Anthropic `any`). */
  | { type: 'required' }
  | { type: 'tool'; toolName: string }
