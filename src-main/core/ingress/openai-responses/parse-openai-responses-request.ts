import type { CifMessage, CifReasoningConfig, CifReasoningEffort, CifRequest, CifResponseFormat, CifWarning } from '../../cif'
import type { ParsedClientRequest } from '../../http/handle-generation'
import type { OpenAiResponseRepository, StoredConversation } from '../../store/openai-response-repository'
import { collectDialectExtras } from './collect-dialect-extras'
import { createConversationBuilder, hoistLeadingSystem } from './conversation-builder'
import { convertInputItem } from './convert-input-item'
import { convertToolChoice } from './convert-tool-choice'
import { convertTools } from './convert-tools'
import { echoRequestFields, type OpenAiResponsesEcho } from './openai-responses-echo'
import { previousResponseNotFound } from './openai-responses-error'
import { openAiResponsesRequestSchema, type OpenAiResponsesRequest } from './openai-responses-request-schema'
import { invalidField, parseField } from './parse-field'
import { createToolNameMap, type ToolNameMap } from './tool-name-map'

/** What parsing needs from the response store: earlier responses and their items. */
export type OpenAiResponsesHistory = Pick<OpenAiResponseRepository, 'get' | 'findItem'>

export interface ParsedOpenAiResponsesRequest extends ParsedClientRequest {
  /** Request fields the Response object repeats back. */
  echo: OpenAiResponsesEcho
  /** CIF tool names ↔ the client's namespaced names, for the serializers. */
  toolNames: ToolNameMap
  /** `store` (default true): keep the response for `previous_response_id` and GET. */
  store: boolean
  /** The conversation a later request continues from: everything but `instructions`. */
  conversation: StoredConversation
  /** This request's input items that carry an id, for a later `item_reference`. */
  identifiedItems: Array<{ id: string; item: Record<string, unknown> }>
}

/**
 * A `POST /v1/responses` body → one CIF request. `instructions` and the leading system/developer items
 * become `request.system`; later ones stay system turns in place. With `previous_response_id` the stored
 * conversation and its output come first; as in the official API its instructions are not carried over.
 */
export function parseOpenAiResponsesRequest(body: Record<string, unknown>, _headers: Record<string, string>, history?: OpenAiResponsesHistory): ParsedOpenAiResponsesRequest {
  const request = parseField(openAiResponsesRequestSchema, body, [])
  refuseUnsupported(request)
  const warnings: CifWarning[] = []
  const names = createToolNameMap()
  const declaredNames = new Set<string>()
  let tools = convertTools(request.tools ?? [], ['tools'], { names, warnings, seen: declaredNames })
  let effortUpdate: CifReasoningEffort | undefined

  const conversation = createConversationBuilder(previousConversation(request.previous_response_id, history))
  const items = typeof request.input === 'string' ? [{ type: 'message', role: 'user', content: request.input }] : (request.input ?? [])
  items.forEach((item, index) =>
    convertInputItem(item, ['input', index], {
      conversation,
      names,
      warnings,
      addTools: (more, path) => (tools = [...tools, ...convertTools(more, path, { names, warnings, seen: declaredNames })]),
      setReasoningEffort: (effort) => (effortUpdate = effort),
      ...(history ? { findItem: (id: string) => history.findItem(id) } : {}),
    }),
  )
  const { system, messages } = hoistLeadingSystem(conversation.messages())
  if (messages.length === 0) throw invalidField(['input'], 'the request has no input to respond to')

  const choice = request.tool_choice != null ? convertToolChoice(request.tool_choice, tools, ['tool_choice']) : undefined
  if (choice) tools = choice.tools
  const reasoning = reasoningConfig(request, effortUpdate)
  const responseFormat = responseFormatOf(request)
  const dialectFields = collectDialectExtras(body, request, warnings)

  const cifRequest: CifRequest = {
    model: request.model,
    system: [...(request.instructions ? [{ type: 'text' as const, text: request.instructions }] : []), ...system],
    messages,
    stream: request.stream ?? false,
    ...(tools.length > 0 ? { tools } : {}),
    ...(choice ? { toolChoice: choice.toolChoice } : {}),
    ...(request.parallel_tool_calls != null ? { parallelToolCalls: request.parallel_tool_calls } : {}),
    ...(request.max_output_tokens != null ? { maxOutputTokens: request.max_output_tokens } : {}),
    ...(request.temperature != null ? { temperature: request.temperature } : {}),
    ...(request.top_p != null ? { topP: request.top_p } : {}),
    ...(responseFormat ? { responseFormat } : {}),
    ...(reasoning ? { reasoning } : {}),
    ...(request.prompt_cache_key ? { promptCacheKey: request.prompt_cache_key } : {}),
    ...((request.user ?? request.safety_identifier) ? { user: (request.user ?? request.safety_identifier)! } : {}),
    ...(request.metadata ? { metadata: request.metadata } : {}),
    ...(Object.keys(dialectFields).length > 0 ? { dialectExtras: { dialect: 'openai-responses' as const, fields: dialectFields } } : {}),
  }

  return {
    request: cifRequest,
    warnings,
    echo: echoRequestFields(request),
    toolNames: names,
    store: request.store ?? true,
    conversation: { system, messages },
    identifiedItems: identifiedItemsOf(items),
  }
}

function refuseUnsupported(request: OpenAiResponsesRequest): void {
  if (request.background) throw invalidField(['background'], 'background responses are not supported by this gateway; send the request without background')
  if (request.conversation != null) throw invalidField(['conversation'], 'the Conversations API is not supported by this gateway; use previous_response_id or send the whole input')
  if (request.prompt != null) throw invalidField(['prompt'], 'stored prompt templates are not supported by this gateway; send instructions and input instead')
}

function previousConversation(id: string | null | undefined, history: OpenAiResponsesHistory | undefined): CifMessage[] {
  if (!id) return []
  const previous = history?.get(id)
  if (!previous) throw previousResponseNotFound(id)
  const { system, messages } = previous.conversation
  return [
    ...(system.length > 0 ? [{ role: 'system' as const, content: system }] : []),
    ...messages,
    ...(previous.output.length > 0 ? [{ role: 'assistant' as const, content: previous.output }] : []),
  ]
}

function reasoningConfig(request: OpenAiResponsesRequest, effortUpdate: CifReasoningEffort | undefined): CifReasoningConfig | undefined {
  const effort = effortUpdate ?? request.reasoning?.effort ?? undefined
  const summary = request.reasoning?.summary ?? request.reasoning?.generate_summary ?? undefined
  if (effort === undefined && summary === undefined) return undefined
  return { ...(effort !== undefined ? { effort } : {}), ...(effort === 'none' ? { enabled: false } : {}), ...(summary !== undefined ? { summary } : {}) }
}

function responseFormatOf(request: OpenAiResponsesRequest): CifResponseFormat | undefined {
  const format = request.text?.format
  if (!format) return undefined
  if (format.type === 'text') return { type: 'text' }
  if (format.type === 'json_object') return { type: 'json-object' }
  return {
    type: 'json-schema',
    schema: format.schema,
    ...(format.name ? { name: format.name } : {}),
    ...(format.description ? { description: format.description } : {}),
    ...(format.strict != null ? { strict: format.strict } : {}),
  }
}

function identifiedItemsOf(items: ReadonlyArray<Record<string, unknown>>): Array<{ id: string; item: Record<string, unknown> }> {
  return items.filter((item) => typeof item.id === 'string' && item.type !== 'item_reference' && (item.type !== undefined || 'role' in item)).map((item) => ({ id: item.id as string, item }))
}
