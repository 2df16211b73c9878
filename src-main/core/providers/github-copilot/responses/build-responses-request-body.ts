import type { CifRequest, CifToolResultContent, CifUserPart, CifWarning, WarningCollector } from '../../../cif'
import { createWarningCollector } from '../../../cif'

type InputContent = Record<string, unknown>
type InputItem = Record<string, unknown>

export interface BuiltResponsesRequest {
  body: Record<string, unknown>
  warnings: CifWarning[]
}

/**
 * A CIF request → a Responses API body (for models Copilot serves only on /responses). System prompts
 * become `instructions`, later system turns `developer` messages; tool calls and results become
 * `function_call` / `function_call_output` items (`custom_tool_call*` for freeform tools); reasoning is
 * replayed only when it came from this instance's Responses answers (its encrypted content is only valid
 * there). Stateless: `store: false`, so encrypted reasoning is asked for when reasoning is on.
 */
export function buildResponsesRequestBody(request: CifRequest, options: { instanceId: string; stream: boolean }): BuiltResponsesRequest {
  const warnings = createWarningCollector()
  const input: InputItem[] = []
  for (const message of request.messages) {
    if (message.role === 'system') input.push({ type: 'message', role: 'developer', content: message.content.map((part) => ({ type: 'input_text', text: part.text })) })
    else if (message.role === 'user') input.push({ type: 'message', role: 'user', content: message.content.flatMap((part) => userContent(part, warnings)) })
    else if (message.role === 'tool') {
      for (const result of message.content) {
        const output = resultText(result.content, warnings)
        input.push(result.kind === 'custom' ? { type: 'custom_tool_call_output', call_id: result.toolCallId, output } : { type: 'function_call_output', call_id: result.toolCallId, output })
      }
    } else {
      for (const part of message.content) {
        if (part.type === 'text') input.push({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: part.text }] })
        else if (part.type === 'tool-call') {
          input.push(
            part.kind === 'custom'
              ? { type: 'custom_tool_call', call_id: part.toolCallId, name: part.toolName, input: part.input }
              : { type: 'function_call', call_id: part.toolCallId, name: part.toolName, arguments: part.input || '{}' },
          )
        } else if (part.encryptedContent && part.origin?.dialect === 'openai-responses' && part.origin.instanceId === options.instanceId) {
          input.push({ type: 'reasoning', ...(part.itemId ? { id: part.itemId } : {}), summary: part.text ? [{ type: 'summary_text', text: part.text }] : [], encrypted_content: part.encryptedContent })
        } else {
          warnings.once('reasoning-replay', { type: 'unsupported', feature: 'reasoning replay', details: 'reasoning from another upstream cannot be replayed to Responses; dropped' })
        }
      }
    }
  }

  const body: Record<string, unknown> = { model: request.model, input, stream: options.stream, store: false }
  const instructions = request.system.map((part) => part.text).join('\n\n')
  if (instructions) body.instructions = instructions
  const tools = (request.tools ?? []).flatMap((tool): Record<string, unknown>[] => {
    if (tool.type === 'function') return [{ type: 'function', name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.inputSchema, strict: tool.strict ?? false }]
    if (tool.type === 'custom') return [{ type: 'custom', name: tool.name, ...(tool.description ? { description: tool.description } : {}), ...(tool.format ? { format: tool.format } : {}) }]
    if (tool.dialect === 'openai-responses') return [tool.raw]
    warnings.once(`builtin-${tool.name}`, { type: 'unsupported', feature: `builtin tool ${tool.name}`, details: 'only Responses builtins reach a Responses upstream; dropped' })
    return []
  })
  if (tools.length > 0) body.tools = tools
  const choice = request.toolChoice
  if (choice) body.tool_choice = choice.type === 'tool' ? { type: 'function', name: choice.toolName } : choice.type
  if (request.parallelToolCalls !== undefined) body.parallel_tool_calls = request.parallelToolCalls
  if (request.maxOutputTokens !== undefined) body.max_output_tokens = Math.max(16, request.maxOutputTokens)
  if (request.temperature !== undefined) body.temperature = request.temperature
  if (request.topP !== undefined) body.top_p = request.topP
  const reasoning = request.reasoning
  if (reasoning && reasoning.enabled !== false && (reasoning.effort || reasoning.summary)) {
    body.reasoning = { ...(reasoning.effort ? { effort: reasoning.effort === 'max' ? 'xhigh' : reasoning.effort } : {}), ...(reasoning.summary ? { summary: reasoning.summary } : {}) }
    body.include = ['reasoning.encrypted_content']
  }
  const format = request.responseFormat
  if (format?.type === 'json-schema') body.text = { format: { type: 'json_schema', name: format.name ?? 'response', schema: format.schema, ...(format.strict !== undefined ? { strict: format.strict } : {}) } }
  else if (format?.type === 'json-object') body.text = { format: { type: 'json_object' } }
  if (request.promptCacheKey) body.prompt_cache_key = request.promptCacheKey
  if (request.user) body.user = request.user.slice(0, 64)
  for (const [feature, value] of [['topK', request.topK], ['seed', request.seed], ['stopSequences', request.stopSequences], ['frequencyPenalty', request.frequencyPenalty], ['presencePenalty', request.presencePenalty]] as const) {
    if (value !== undefined) warnings.once(feature, { type: 'unsupported', feature, details: 'the Responses API has no such parameter' })
  }
  return { body, warnings: warnings.warnings }
}

function userContent(part: CifUserPart, warnings: WarningCollector): InputContent[] {
  if (part.type === 'text') return [{ type: 'input_text', text: part.text }]
  if (part.type === 'image') {
    if (part.source.type === 'file-id') return [{ type: 'input_image', file_id: part.source.fileId, detail: part.detail ?? 'auto' }]
    const url = part.source.type === 'url' ? part.source.url : `data:${part.source.mediaType};base64,${part.source.data}`
    return [{ type: 'input_image', image_url: url, detail: part.detail ?? 'auto' }]
  }
  const source = part.source
  if (source.type === 'text') return [{ type: 'input_text', text: [part.title, part.context, source.text].filter(Boolean).join('\n\n') }]
  if (source.type === 'file-id') return [{ type: 'input_file', file_id: source.fileId }]
  if (source.type === 'url') return [{ type: 'input_file', file_url: source.url }]
  const filename = part.filename ?? part.title ?? 'document.pdf'
  if (part.citations) warnings.once('document-citations', { type: 'unsupported', feature: 'document citations' })
  return [{ type: 'input_file', filename, file_data: `data:${source.mediaType};base64,${source.data}` }]
}

function resultText(content: CifToolResultContent[], warnings: WarningCollector): string {
  return content
    .map((part) => {
      if (part.type === 'text') return part.text
      warnings.once('tool-result-media', { type: 'unsupported', feature: 'media in tool results', details: 'function_call_output here carries text; the media was dropped' })
      return ''
    })
    .join('')
}
