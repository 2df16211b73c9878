import { createWarningCollector, type CifRequest, type CifResponseFormat, type CifWarning } from '../../cif'
import { convertToOpenAiChatMessages } from './convert-to-openai-chat-messages'
import { convertToOpenAiReasoningEffort } from './convert-to-openai-reasoning-effort'
import { createOpenAiCacheMarkers } from './openai-cache-markers'
import type { OpenAiChatQuirks } from './openai-chat-quirks'
import type { OpenAiChatRequestBody } from './openai-chat-request'
import { prepareOpenAiChatTools } from './prepare-openai-chat-tools'

export interface BuiltOpenAiChatRequest {
  body: OpenAiChatRequestBody
  warnings: CifWarning[]
  customToolsAsFunctions: Set<string>
}

/**
 * CIF request → Chat Completions body. Only what the request sets is sent (no default temperature or
 * token limit); the one addition is `stream_options.include_usage` on streams, so usage is known.
 * Extras of an `openai-chat` client fill fields the CIF has no slot for; other dialects' extras are warned.
 */
export function buildOpenAiChatRequestBody(request: CifRequest, quirks: OpenAiChatQuirks, options: { stream: boolean }): BuiltOpenAiChatRequest {
  const warnings = createWarningCollector()
  const markers = createOpenAiCacheMarkers(quirks.cacheControl, warnings)
  const messages = convertToOpenAiChatMessages(request, { quirks, markers, warnings })
  const tools = prepareOpenAiChatTools(request.tools, request.toolChoice, { quirks, markers, warnings })
  const body: OpenAiChatRequestBody = { model: request.model, messages }

  if (tools.tools) {
    body.tools = tools.tools
    if (tools.toolChoice !== undefined) body.tool_choice = tools.toolChoice
    if (request.parallelToolCalls !== undefined) body.parallel_tool_calls = request.parallelToolCalls
  }
  if (request.maxOutputTokens !== undefined) body[quirks.maxTokensField] = request.maxOutputTokens
  if (request.temperature !== undefined) body.temperature = request.temperature
  if (request.topP !== undefined) body.top_p = request.topP
  if (request.topK !== undefined) {
    if (quirks.topK) body.top_k = request.topK
    else warnings.add({ type: 'unsupported', feature: 'topK', details: 'this upstream takes no top_k' })
  }
  if (request.stopSequences?.length) body.stop = request.stopSequences
  if (request.seed !== undefined) body.seed = request.seed
  if (request.frequencyPenalty !== undefined) body.frequency_penalty = request.frequencyPenalty
  if (request.presencePenalty !== undefined) body.presence_penalty = request.presencePenalty
  if (request.responseFormat) body.response_format = convertResponseFormat(request.responseFormat)
  const effort = convertToOpenAiReasoningEffort(request.reasoning, warnings)
  if (effort !== undefined) body.reasoning_effort = effort
  if (request.user !== undefined) body.user = request.user
  if (request.promptCacheKey !== undefined) body.prompt_cache_key = request.promptCacheKey
  if (request.cacheControl && (quirks.cacheControl === 'unsupported' || quirks.cacheControl === 'anthropic-inline')) {
    warnings.add({ type: 'unsupported', feature: 'cache_control', details: 'the request-level cache breakpoint is not forwarded to this upstream' })
  }

  const sameDialect = request.dialectExtras?.dialect === 'openai-chat'
  if (request.metadata && Object.keys(request.metadata).length > 0) {
    if (sameDialect) body.metadata = request.metadata
    else warnings.add({ type: 'unsupported', feature: 'metadata', details: 'chat completions take metadata only from chat clients' })
  }
  if (options.stream) {
    body.stream = true
    if (quirks.streamUsage) body.stream_options = { include_usage: true }
  }
  if (request.dialectExtras && Object.keys(request.dialectExtras.fields).length > 0) {
    if (sameDialect) mergeExtras(body, request.dialectExtras.fields, options.stream)
    else warnings.add({ type: 'unsupported', feature: `${request.dialectExtras.dialect} fields`, details: Object.keys(request.dialectExtras.fields).join(', ') })
  }

  const finalBody = quirks.transformRequestBody ? quirks.transformRequestBody(body, request, warnings.warnings) : body
  return { body: finalBody, warnings: warnings.warnings, customToolsAsFunctions: tools.customToolsAsFunctions }
}

function convertResponseFormat(format: CifResponseFormat): Record<string, unknown> {
  if (format.type === 'text') return { type: 'text' }
  if (format.type === 'json-object') return { type: 'json_object' }
  const schema = {
    name: format.name ?? 'response',
    ...(format.description !== undefined ? { description: format.description } : {}),
    schema: format.schema,
    ...(format.strict !== undefined ? { strict: format.strict } : {}),
  }
  return { type: 'json_schema', json_schema: schema }
}

/** Extras fill only fields we did not set; `stream_options` is merged (include_usage stays ours) and dropped off streams. */
function mergeExtras(body: OpenAiChatRequestBody, fields: Record<string, unknown>, stream: boolean): void {
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'stream_options') {
      if (stream && typeof value === 'object' && value !== null) body.stream_options = { ...value, ...body.stream_options }
    } else if (!(name in body) && name !== 'stream') body[name] = value
  }
}
