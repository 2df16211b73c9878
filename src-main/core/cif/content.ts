import type { CifCacheControl } from './cache-control'

/**
 * The content parts of the canonical format. Every part a client dialect can send has a home here, so a
 * conversion never drops content silently: what an upstream cannot express becomes a CifWarning.
 */

export interface CifTextPart {
  type: 'text'
  text: string
  cacheControl?: CifCacheControl
}

export type CifMediaSource =
  | { type: 'base64'; mediaType: string; data: string }
  | { type: 'url'; url: string }
  /** A provider-side file id (OpenAI `file_id`, Anthropic Files API `file_id`). */
  | { type: 'file-id'; fileId: string }

export interface CifImagePart {
  type: 'image'
  source: CifMediaSource
  /** OpenAI's `detail` hint: auto, low, high. */
  detail?: string
  cacheControl?: CifCacheControl
}

/** PDFs and other files: Anthropic `document`, OpenAI chat `file`, Responses `input_file`. */
export interface CifDocumentPart {
  type: 'document'
  source: CifMediaSource | { type: 'text'; mediaType: string; text: string }
  title?: string
  filename?: string
  context?: string
  citations?: boolean
  cacheControl?: CifCacheControl
}

/**
 * Which upstream dialect produced a reasoning block. Opaque signatures and encrypted content are only
 * valid for the dialect (and usually the provider) that produced them, so adapters replay them only when
 * the origin matches and otherwise drop them with a warning.
 */
export type CifReasoningDialect = 'anthropic' | 'openai-responses' | 'openai-chat' | 'gemini'

export interface CifReasoningOrigin {
  dialect: CifReasoningDialect
  /** The provider instance id that produced it, when known. */
  instanceId?: string
}

export interface CifReasoningPart {
  type: 'reasoning'
  /** The visible reasoning (Anthropic thinking text, Responses summary text, chat reasoning_content). */
  text: string
  /** Anthropic `thinking.signature`, Gemini `thoughtSignature`. */
  signature?: string
  /** Anthropic `redacted_thinking.data`: encrypted, no visible text. */
  redactedData?: string
  /** Responses `reasoning.encrypted_content`. */
  encryptedContent?: string
  /** Responses reasoning item id (`rs_…`). */
  itemId?: string
  origin?: CifReasoningOrigin
  cacheControl?: CifCacheControl
}

/** `function` tools take JSON arguments; `custom` tools (Codex `apply_patch`) take freeform text. */
export type CifToolKind = 'function' | 'custom'

export interface CifToolCallPart {
  type: 'tool-call'
  toolCallId: string
  toolName: string
  kind: CifToolKind
  /** For function tools the JSON arguments as text (exactly as received); for custom tools the raw input. */
  input: string
  /** Responses item id of the call (`fc_…`, `ctc_…`), kept for echo-back. */
  itemId?: string
  cacheControl?: CifCacheControl
}

export type CifToolResultContent = CifTextPart | CifImagePart | CifDocumentPart

export interface CifToolResultPart {
  type: 'tool-result'
  toolCallId: string
  /** Resolved from the earlier call when the dialect does not repeat it (Gemini needs it). */
  toolName?: string
  kind: CifToolKind
  content: CifToolResultContent[]
  isError?: boolean
  cacheControl?: CifCacheControl
}

export type CifUserPart = CifTextPart | CifImagePart | CifDocumentPart
export type CifAssistantPart = CifTextPart | CifReasoningPart | CifToolCallPart
export type CifSystemPart = CifTextPart
