/**
 * The top-level fields DashScope's OpenAI-compatible chat endpoint documents (Qwen API reference, deep
 * thinking, context cache, web search). Anything else is not sent: clients that passed OpenAI-only fields
 * (`store`, `max_completion_tokens`, `reasoning_effort`, …) got 400 "Required body invalid, please check the
 * request body format." or had them ignored, neither of which the caller can see.
 */
export const dashScopeRequestFields: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'max_tokens',
  'temperature',
  'top_p',
  'top_k',
  'presence_penalty',
  'repetition_penalty',
  'seed',
  'stop',
  'n',
  'response_format',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'logprobs',
  'top_logprobs',
  'enable_thinking',
  'thinking_budget',
  'preserve_thinking',
  'enable_search',
  'search_options',
  'translation_options',
  'enable_code_interpreter',
  'vl_high_resolution_images',
  'modalities',
  'audio',
])
