/** The Chat Completions request as we send it: only the shapes we write. */

/** A prompt-cache breakpoint on a content part, in whichever spelling the upstream takes. */
export interface OpenAiCacheMarkerFields {
  prompt_cache_breakpoint?: { mode: 'explicit' }
  cache_control?: { type: 'ephemeral'; ttl?: '5m' | '1h' }
}

export interface OpenAiChatTextPart extends OpenAiCacheMarkerFields {
  type: 'text'
  text: string
}

export interface OpenAiChatImagePart extends OpenAiCacheMarkerFields {
  type: 'image_url'
  image_url: { url: string; detail?: string }
}

export interface OpenAiChatFilePart extends OpenAiCacheMarkerFields {
  type: 'file'
  file: { file_data?: string; file_id?: string; filename?: string }
}

export type OpenAiChatUserPart = OpenAiChatTextPart | OpenAiChatImagePart | OpenAiChatFilePart

export type OpenAiChatToolCall =
  | { id: string; type: 'function'; function: { name: string; arguments: string } }
  | { id: string; type: 'custom'; custom: { name: string; input: string } }

export type OpenAiChatMessage =
  | { role: 'system' | 'developer'; content: string | OpenAiChatTextPart[] }
  | { role: 'user'; content: string | OpenAiChatUserPart[] }
  | { role: 'assistant'; content: string | OpenAiChatTextPart[]; tool_calls?: OpenAiChatToolCall[]; reasoning_content?: string; reasoning?: string }
  | { role: 'tool'; tool_call_id: string; content: string | OpenAiChatTextPart[] }

export type OpenAiChatTool =
  | { type: 'function'; function: { name: string; description?: string; parameters: Record<string, unknown>; strict?: boolean } }
  | { type: 'custom'; custom: { name: string; description?: string; format?: unknown } }
  /** A same-dialect builtin, forwarded verbatim. */
  | Record<string, unknown>

export type OpenAiChatToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } } | { type: 'custom'; custom: { name: string } }

export interface OpenAiChatRequestBody {
  model: string
  messages: OpenAiChatMessage[]
  tools?: OpenAiChatTool[]
  tool_choice?: OpenAiChatToolChoice
  parallel_tool_calls?: boolean
  max_tokens?: number
  max_completion_tokens?: number
  temperature?: number
  top_p?: number
  top_k?: number
  stop?: string[]
  seed?: number
  frequency_penalty?: number
  presence_penalty?: number
  response_format?: Record<string, unknown>
  reasoning_effort?: string
  user?: string
  prompt_cache_key?: string
  metadata?: Record<string, string>
  stream?: boolean
  stream_options?: Record<string, unknown>
  /** Same-dialect extras (service_tier, logprobs, …) and fields added by `transformRequestBody`. */
  [field: string]: unknown
}
