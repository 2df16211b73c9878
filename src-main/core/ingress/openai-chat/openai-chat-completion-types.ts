/** The wire shapes the gateway answers POST /v1/chat/completions with (official API, openai 6.x). */

export type OpenAiChatFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter'

export interface OpenAiChatUsage {
  /** The whole prompt, cached tokens included. */
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  prompt_tokens_details: { cached_tokens: number; cache_write_tokens?: number }
  completion_tokens_details: { reasoning_tokens: number }
}

export type OpenAiChatResponseToolCall =
  | { id: string; type: 'function'; function: { name: string; arguments: string } }
  | { id: string; type: 'custom'; custom: { name: string; input: string } }

export interface OpenAiChatCompletion {
  id: string
  object: 'chat.completion'
  created: number
  model: string
  choices: Array<{
    index: number
    message: {
      role: 'assistant'
      content: string | null
      refusal: null
      tool_calls?: OpenAiChatResponseToolCall[]
      /** Visible reasoning, in the de-facto field of DeepSeek, vLLM and OpenRouter; never in `content`. */
      reasoning_content?: string
    }
    logprobs: null
    finish_reason: OpenAiChatFinishReason
  }>
  usage: OpenAiChatUsage
}

export interface OpenAiChatChunkToolCallDelta {
  index: number
  id?: string
  type?: 'function'
  function: { name?: string; arguments: string }
}

export interface OpenAiChatChunkDelta {
  role?: 'assistant'
  content?: string
  refusal?: null
  reasoning_content?: string
  tool_calls?: OpenAiChatChunkToolCallDelta[]
}

export interface OpenAiChatCompletionChunk {
  id: string
  object: 'chat.completion.chunk'
  created: number
  model: string
  choices: Array<{ index: number; delta: OpenAiChatChunkDelta; logprobs: null; finish_reason: OpenAiChatFinishReason | null }>
  /** Present on every chunk when the client asked for usage: null, except on the final usage chunk. */
  usage?: OpenAiChatUsage | null
}
