import type { CifRequest, CifWarning } from '../../cif'
import type { OpenAiChatRequestBody } from './openai-chat-request'

/**
 * How a prompt-cache breakpoint (CIF `cacheControl`) reaches the upstream:
 * - `unsupported`: not at all; each request that has one gets a warning.
 * - `automatic`: the upstream caches prefixes by itself (api.openai.com, DeepSeek); dropped without a warning.
 * - `openai-breakpoint`: `prompt_cache_breakpoint: {mode: 'explicit'}` on the content part (OpenAI gpt-5.6+).
 * - `anthropic-inline`: `cache_control: {type: 'ephemeral', ttl?}` on the content part (OpenRouter→Claude, DashScope Qwen).
 */
export type OpenAiCacheControlMode = 'unsupported' | 'automatic' | 'openai-breakpoint' | 'anthropic-inline'

/** What differs between Chat Completions upstreams. Later providers (DashScope, Kimi, Azure, Copilot) set these. */
export interface OpenAiChatQuirks {
  /** The field for maxOutputTokens: `max_completion_tokens` (api.openai.com) or `max_tokens` (Ollama, vLLM, llama.cpp …). */
  maxTokensField: 'max_tokens' | 'max_completion_tokens'
  /** The role system prompts are sent with. */
  systemMessageRole: 'system' | 'developer'
  /** The assistant-message field reasoning text is replayed in (DeepSeek and Kimi need `reasoning_content`); unset: not replayed, warned. */
  reasoningReplayField?: 'reasoning_content' | 'reasoning'
  cacheControl: OpenAiCacheControlMode
  /** The upstream takes `file` content parts (PDFs by `file_data` or `file_id`). */
  documentInput: boolean
  /** `native`: chat `custom` tools; `function`: a function tool taking `{input: string}`, unwrapped on the way back. */
  customTools: 'native' | 'function'
  /** The upstream takes `top_k` (vLLM, llama.cpp, LM Studio); otherwise topK is warned. */
  topK: boolean
  /** Ask for a usage chunk with `stream_options.include_usage` when streaming. */
  streamUsage: boolean
  /** false: never stream upstream; `stream()` makes the non-streaming call and replays its result as parts. */
  upstreamStreaming: boolean
  /** The last word on the wire body (DashScope `enable_thinking`, Kimi's `reasoning_content: ""` on tool turns …). */
  transformRequestBody?: (body: OpenAiChatRequestBody, request: CifRequest, warnings: CifWarning[]) => OpenAiChatRequestBody
}

export function isOpenAiPlatform(baseUrl: string): boolean {
  try {
    return new URL(baseUrl).hostname === 'api.openai.com'
  } catch {
    return false
  }
}

/** Defaults by host: api.openai.com speaks the newest wire; anything else gets the most compatible choice. */
export function resolveOpenAiChatQuirks(baseUrl: string, overrides: Partial<OpenAiChatQuirks> = {}): OpenAiChatQuirks {
  const openAi = isOpenAiPlatform(baseUrl)
  const defaults: OpenAiChatQuirks = {
    maxTokensField: openAi ? 'max_completion_tokens' : 'max_tokens',
    systemMessageRole: 'system',
    cacheControl: openAi ? 'automatic' : 'unsupported',
    documentInput: openAi,
    customTools: openAi ? 'native' : 'function',
    topK: false,
    streamUsage: true,
    upstreamStreaming: true,
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined))
  return { ...defaults, ...defined }
}
