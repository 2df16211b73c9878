import { isRecord } from './openai-chat-is-record'
import { invalidType, invalidValue, missingParameter, openAiMockError, type OpenAiMockError } from './openai-chat-mock-error'
import { validateOpenAiChatMessages } from './openai-chat-validate-messages'
import { validateOpenAiChatTools } from './openai-chat-validate-tools'

/** Every top-level parameter of POST /v1/chat/completions (openai 6.49's ChatCompletionCreateParams). */
const knownParameters = new Set([
  'messages', 'model', 'audio', 'frequency_penalty', 'function_call', 'functions', 'logit_bias', 'logprobs',
  'max_completion_tokens', 'max_tokens', 'metadata', 'modalities', 'moderation', 'n', 'parallel_tool_calls', 'prediction',
  'presence_penalty', 'prompt_cache_key', 'prompt_cache_options', 'prompt_cache_retention', 'reasoning_effort',
  'response_format', 'safety_identifier', 'seed', 'service_tier', 'stop', 'store', 'stream', 'stream_options',
  'temperature', 'tool_choice', 'tools', 'top_logprobs', 'top_p', 'user', 'verbosity', 'web_search_options',
])

const reasoningEfforts = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']
const responseFormatTypes = ['text', 'json_object', 'json_schema']

/**
 * The checks the real API makes before it generates anything, with its messages, params and codes.
 * `acceptedExtensions` names non-OpenAI fields to let through (a DeepSeek-like upstream takes `reasoning_content`).
 */
export function validateOpenAiChatRequest(body: unknown, acceptedExtensions: ReadonlySet<string>): OpenAiMockError | undefined {
  if (!isRecord(body)) return openAiMockError(400, 'We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)')
  for (const key of Object.keys(body)) {
    if (!knownParameters.has(key) && !acceptedExtensions.has(key)) return openAiMockError(400, `Unrecognized request argument supplied: ${key}`)
  }
  if (typeof body.model !== 'string' || body.model === '') return openAiMockError(400, 'you must provide a model parameter')
  if (body.messages === undefined) return missingParameter('messages')
  if (!Array.isArray(body.messages)) return invalidType('messages', 'an array', body.messages)
  if (body.messages.length === 0) {
    return openAiMockError(400, "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", { param: 'messages', code: 'empty_array' })
  }
  return (
    validateOpenAiChatMessages(body.messages, acceptedExtensions) ??
    validateOpenAiChatTools(body) ??
    validateStreaming(body) ??
    validateSampling(body)
  )
}

function validateStreaming(body: Record<string, unknown>): OpenAiMockError | undefined {
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') return invalidType('stream', 'a boolean', body.stream)
  if (body.stream_options !== undefined && body.stream_options !== null && body.stream !== true) {
    return openAiMockError(400, "The 'stream_options' parameter is only allowed when 'stream' is enabled.", { param: 'stream_options' })
  }
  if (body.max_tokens != null && body.max_completion_tokens != null) {
    return openAiMockError(400, "Setting 'max_tokens' and 'max_completion_tokens' at the same time is not supported.", {
      param: 'max_tokens',
      code: 'invalid_parameter_combination',
    })
  }
  return undefined
}

function validateSampling(body: Record<string, unknown>): OpenAiMockError | undefined {
  for (const [name, maximum] of [['temperature', 2], ['top_p', 1]] as const) {
    const value = body[name]
    if (value == null) continue
    if (typeof value !== 'number') return invalidType(name, 'a decimal', value)
    if (value > maximum) {
      return openAiMockError(400, `Invalid '${name}': decimal above maximum value. Expected a value <= ${maximum}, but got ${value} instead.`, { param: name, code: 'decimal_above_max_value' })
    }
  }
  if (body.reasoning_effort != null && !reasoningEfforts.includes(body.reasoning_effort as string)) {
    return invalidValue('reasoning_effort', body.reasoning_effort, reasoningEfforts)
  }
  if (Array.isArray(body.stop) && body.stop.length > 4) {
    return openAiMockError(400, `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${body.stop.length} instead.`, { param: 'stop', code: 'array_above_max_length' })
  }
  if (body.response_format !== undefined) {
    const format = body.response_format
    if (!isRecord(format)) return invalidType('response_format', 'an object', format)
    if (!responseFormatTypes.includes(format.type as string)) return invalidValue('response_format.type', format.type, responseFormatTypes)
    if (format.type === 'json_schema') {
      if (!isRecord(format.json_schema)) return missingParameter('response_format.json_schema')
      if (typeof format.json_schema.name !== 'string') return missingParameter('response_format.json_schema.name')
    }
  }
  return undefined
}
