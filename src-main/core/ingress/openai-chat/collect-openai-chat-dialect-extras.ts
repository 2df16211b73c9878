/** Top-level fields the parser turns into CIF fields (or rejects); every other field is a dialect extra. */
const fieldsWithCifSlot = new Set([
  'model',
  'messages',
  'max_completion_tokens',
  'max_tokens',
  'temperature',
  'top_p',
  'stop',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'response_format',
  'reasoning_effort',
  'stream',
  'stream_options',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'user',
  'metadata',
  'prompt_cache_key',
  'n',
  'functions',
  'function_call',
])

/**
 * The client's fields the CIF has no slot for (service_tier, store, logprobs, prediction, verbosity,
 * unknown vendor fields …), verbatim, so an upstream of the same dialect can forward them. `null` means
 * "not set" in this API and is left out.
 */
export function collectOpenAiChatDialectExtras(body: Record<string, unknown>): Record<string, unknown> {
  const extras: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(body)) {
    if (!fieldsWithCifSlot.has(field) && value !== null && value !== undefined) extras[field] = value
  }
  return extras
}
