import type { CifRequest, CifWarning } from '../../cif'
import { invalidRequest } from '../../errors/gateway-error'
import type { ParsedClientRequest } from '../../http/handle-generation'
import { collectOpenAiChatDialectExtras } from './collect-openai-chat-dialect-extras'
import { convertOpenAiChatMessages } from './convert-openai-chat-messages'
import { convertOpenAiChatResponseFormat } from './convert-openai-chat-response-format'
import { convertOpenAiChatTools } from './convert-openai-chat-tools'
import { invalidRequestFromZod } from './invalid-request-from-zod'
import { type OpenAiChatRequest, openAiChatRequestSchema } from './openai-chat-request-schema'

export interface ParsedOpenAiChatRequest extends ParsedClientRequest {
  /** `stream_options.include_usage`: the stream ends with a usage chunk (`choices: []`) before [DONE]. */
  includeUsage: boolean
}

/** A POST /v1/chat/completions body → CIF. Bad input → GatewayError 400 naming the field. */
export function parseOpenAiChatRequest(body: Record<string, unknown>, _headers: Record<string, string>): ParsedOpenAiChatRequest {
  const parsed = openAiChatRequestSchema.safeParse(body)
  if (!parsed.success) throw invalidRequestFromZod(parsed.error)
  const chat = parsed.data
  rejectUnsupported(chat)

  const warnings: CifWarning[] = []
  const { system, messages } = convertOpenAiChatMessages(chat.messages, warnings)
  const request: CifRequest = { model: chat.model, system, messages, stream: chat.stream === true, ...convertOpenAiChatTools(chat, warnings) }

  const maxOutputTokens = chat.max_completion_tokens ?? chat.max_tokens
  if (maxOutputTokens != null) request.maxOutputTokens = maxOutputTokens
  if (chat.temperature != null) request.temperature = chat.temperature
  if (chat.top_p != null) request.topP = chat.top_p
  if (chat.stop != null) request.stopSequences = typeof chat.stop === 'string' ? [chat.stop] : chat.stop
  if (chat.seed != null) request.seed = chat.seed
  if (chat.frequency_penalty != null) request.frequencyPenalty = chat.frequency_penalty
  if (chat.presence_penalty != null) request.presencePenalty = chat.presence_penalty
  if (chat.response_format != null) request.responseFormat = convertOpenAiChatResponseFormat(chat.response_format)
  if (chat.reasoning_effort != null) {
    request.reasoning = chat.reasoning_effort === 'none' ? { enabled: false, effort: 'none' } : { effort: chat.reasoning_effort }
  }
  if (chat.parallel_tool_calls != null) request.parallelToolCalls = chat.parallel_tool_calls
  if (chat.user != null) request.user = chat.user
  if (chat.metadata != null) request.metadata = chat.metadata
  if (chat.prompt_cache_key != null) request.promptCacheKey = chat.prompt_cache_key

  const extras = collectOpenAiChatDialectExtras(body)
  if (Object.keys(extras).length > 0) request.dialectExtras = { dialect: 'openai-chat', fields: extras }

  return { request, warnings, includeUsage: chat.stream_options?.include_usage === true }
}

/** What the gateway cannot answer honestly: several choices, audio output, deprecated function calling. */
function rejectUnsupported(chat: OpenAiChatRequest): void {
  if (chat.n != null && chat.n > 1) throw invalidRequest('n: only n=1 is supported; the gateway returns one choice.')
  if (chat.modalities?.includes('audio')) throw invalidRequest('modalities: audio output is not supported by the gateway; ask for ["text"].')
  if (chat.functions != null) throw invalidRequest('functions: deprecated function calling is not supported; declare the functions in "tools".')
  if (chat.function_call != null) throw invalidRequest('function_call: deprecated function calling is not supported; use "tool_choice".')
}
