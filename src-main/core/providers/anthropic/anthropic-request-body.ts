/**
 * The Messages API request as we send it (POST /v1/messages). Only what the adapters produce is typed;
 * `dialectExtras` from an Anthropic client land in the index signature unchanged.
 */

export interface AnthropicCacheControl {
  type: 'ephemeral'
  ttl?: '5m' | '1h'
}

export interface AnthropicTextBlock {
  type: 'text'
  text: string
  cache_control?: AnthropicCacheControl
}

export type AnthropicFileSource = { type: 'url'; url: string } | { type: 'file'; file_id: string }

export interface AnthropicImageBlock {
  type: 'image'
  source: { type: 'base64'; media_type: string; data: string } | AnthropicFileSource
  cache_control?: AnthropicCacheControl
}

export interface AnthropicDocumentBlock {
  type: 'document'
  source: { type: 'base64'; media_type: 'application/pdf'; data: string } | { type: 'text'; media_type: 'text/plain'; data: string } | AnthropicFileSource
  title?: string
  context?: string
  citations?: { enabled: boolean }
  cache_control?: AnthropicCacheControl
}

export interface AnthropicThinkingBlock {
  type: 'thinking'
  thinking: string
  signature: string
}

export interface AnthropicRedactedThinkingBlock {
  type: 'redacted_thinking'
  data: string
}

export interface AnthropicToolUseBlock {
  type: 'tool_use'
  id: string
  name: string
  input: Record<string, unknown>
  cache_control?: AnthropicCacheControl
}

export type AnthropicToolResultContent = AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock

export interface AnthropicToolResultBlock {
  type: 'tool_result'
  tool_use_id: string
  content?: AnthropicToolResultContent[]
  is_error?: boolean
  cache_control?: AnthropicCacheControl
}

export type AnthropicUserBlock = AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock | AnthropicToolResultBlock
export type AnthropicAssistantBlock = AnthropicTextBlock | AnthropicThinkingBlock | AnthropicRedactedThinkingBlock | AnthropicToolUseBlock

/** `system` is the mid-conversation system message (Claude Opus 4.8+, text blocks only). */
export type AnthropicMessage =
  | { role: 'user'; content: AnthropicUserBlock[] }
  | { role: 'assistant'; content: AnthropicAssistantBlock[] }
  | { role: 'system'; content: AnthropicTextBlock[] }

export interface AnthropicFunctionTool {
  name: string
  description?: string
  input_schema: Record<string, unknown>
  cache_control?: AnthropicCacheControl
  [option: string]: unknown
}

export type AnthropicToolChoice =
  | { type: 'auto' | 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }
  | { type: 'none' }

export type AnthropicThinking = { type: 'enabled'; budget_tokens: number } | { type: 'adaptive' } | { type: 'disabled' }

export type AnthropicEffort = 'low' | 'medium' | 'high' | 'xhigh' | 'max'

export interface AnthropicOutputConfig {
  effort?: AnthropicEffort
  format?: { type: 'json_schema'; schema: Record<string, unknown> }
  [option: string]: unknown
}

export interface AnthropicRequestBody {
  model: string
  max_tokens: number
  messages: AnthropicMessage[]
  system?: AnthropicTextBlock[]
  stream?: boolean
  temperature?: number
  top_p?: number
  top_k?: number
  stop_sequences?: string[]
  metadata?: { user_id: string }
  tools?: Array<AnthropicFunctionTool | Record<string, unknown>>
  tool_choice?: AnthropicToolChoice
  thinking?: AnthropicThinking
  output_config?: AnthropicOutputConfig
  cache_control?: AnthropicCacheControl
  [extra: string]: unknown
}
