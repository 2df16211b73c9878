import type { CifCacheControl } from './cache-control'
import type { CifSystemPart } from './content'
import type { CifMessage } from './message'
import type { CifTool, CifToolChoice, JsonSchema } from './tool'

/** The client surface a request arrived on; also the wire dialect of an upstream. */
export type CifDialect = 'openai-chat' | 'anthropic-messages' | 'openai-responses'

export type CifResponseFormat =
  | { type: 'text' }
  | { type: 'json-object' }
  | { type: 'json-schema'; schema: JsonSchema; name?: string; description?: string; strict?: boolean }

export type CifReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max'

/**
 * Reasoning controls. OpenAI speaks effort (`reasoning_effort`, `reasoning.effort`), Anthropic speaks
 * budgets (`thinking.budget_tokens`) or `adaptive`; adapters translate between them
 * (see reasoning-budget.ts) and say so in a warning when they approximate.
 */
export interface CifReasoningConfig {
  /** false: explicitly off (Anthropic `thinking: {type: 'disabled'}`, effort `none`). */
  enabled?: boolean
  effort?: CifReasoningEffort
  budgetTokens?: number
  /** Anthropic `thinking: {type: 'adaptive'}`: the model decides. */
  adaptive?: boolean
  /** Responses `reasoning.summary`: auto, concise, detailed. */
  summary?: string
}

export interface CifRequest {
  /** The model name as the upstream should receive it (routing strips any `instance-id:` prefix). */
  model: string
  /** Top-level system prompts in order (Anthropic `system`, leading system/developer messages, `instructions`). */
  system: CifSystemPart[]
  messages: CifMessage[]
  tools?: CifTool[]
  toolChoice?: CifToolChoice
  parallelToolCalls?: boolean
  maxOutputTokens?: number
  temperature?: number
  topP?: number
  topK?: number
  stopSequences?: string[]
  seed?: number
  frequencyPenalty?: number
  presencePenalty?: number
  responseFormat?: CifResponseFormat
  reasoning?: CifReasoningConfig
  /** Top-level automatic cache breakpoint (Anthropic `cache_control` on the request). */
  cacheControl?: CifCacheControl
  /** OpenAI `prompt_cache_key` (Codex sends the thread id). */
  promptCacheKey?: string
  /** End-user / session identifiers (OpenAI `user`, Anthropic `metadata.user_id`, Responses `metadata`). */
  user?: string
  metadata?: Record<string, string>
  stream: boolean
  /**
   * Fields of the client's own dialect that the CIF has no slot for (service_tier, context_management,
   * output_config.effort, …). Only an upstream of the same dialect forwards them; others warn.
   */
  dialectExtras?: { dialect: CifDialect; fields: Record<string, unknown> }
}
