import { randomBytes } from 'node:crypto'
import { openAiMockError, type OpenAiMockError } from './openai-chat-mock-error'

type Json = Record<string, unknown>

const topLevelFields = new Set(['model', 'input', 'instructions', 'stream', 'store', 'tools', 'tool_choice', 'parallel_tool_calls', 'max_output_tokens', 'temperature', 'top_p', 'reasoning', 'include', 'text', 'prompt_cache_key', 'user', 'metadata', 'truncation', 'service_tier'])
const itemTypes = new Set(['message', 'function_call', 'function_call_output', 'custom_tool_call', 'custom_tool_call_output', 'reasoning'])
const contentTypes: Record<string, Set<string>> = { user: new Set(['input_text', 'input_image', 'input_file']), developer: new Set(['input_text']), system: new Set(['input_text']), assistant: new Set(['output_text', 'refusal']) }

/** The 400s the Responses API gives for what a minimal client could get wrong. */
export function validateResponsesRequest(body: unknown): OpenAiMockError | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return openAiMockError(400, 'We could not parse the JSON body of your request.')
  const request = body as Json
  for (const field of Object.keys(request)) if (!topLevelFields.has(field)) return openAiMockError(400, `Unknown parameter: '${field}'.`, { param: field, code: 'unknown_parameter' })
  if (typeof request.model !== 'string') return openAiMockError(400, "Missing required parameter: 'model'.", { param: 'model', code: 'missing_required_parameter' })
  if (!Array.isArray(request.input)) return openAiMockError(400, "Invalid type for 'input': expected a string or an array.", { param: 'input', code: 'invalid_type' })
  const callIds = new Set<string>()
  for (const [index, item] of (request.input as Json[]).entries()) {
    const where = `input[${index}]`
    if (!itemTypes.has(String(item.type))) return openAiMockError(400, `Invalid value: '${String(item.type)}'.`, { param: `${where}.type`, code: 'invalid_value' })
    if (item.type === 'message') {
      const allowed = contentTypes[String(item.role)]
      if (!allowed) return openAiMockError(400, `Invalid value: '${String(item.role)}'.`, { param: `${where}.role`, code: 'invalid_value' })
      if (!Array.isArray(item.content)) return openAiMockError(400, `Invalid type for '${where}.content'.`, { param: `${where}.content`, code: 'invalid_type' })
      for (const [partIndex, part] of (item.content as Json[]).entries()) {
        if (!allowed.has(String(part.type))) return openAiMockError(400, `Invalid value: '${String(part.type)}'. Supported values are: ${[...allowed].map((type) => `'${type}'`).join(', ')}.`, { param: `${where}.content[${partIndex}].type`, code: 'invalid_value' })
      }
    }
    if (item.type === 'function_call' || item.type === 'custom_tool_call') {
      if (typeof item.call_id !== 'string' || typeof item.name !== 'string') return openAiMockError(400, `Missing required parameter: '${where}.call_id'.`, { param: `${where}.call_id`, code: 'missing_required_parameter' })
      callIds.add(item.call_id)
    }
    if ((item.type === 'function_call_output' || item.type === 'custom_tool_call_output') && !callIds.has(String(item.call_id))) {
      return openAiMockError(400, `No tool call found for function call output with call_id ${String(item.call_id)}.`, { param: 'input' })
    }
    if (item.type === 'reasoning' && typeof item.encrypted_content !== 'string') return openAiMockError(400, `Item '${String(item.id)}' of type 'reasoning' was provided without its required 'encrypted_content'.`, { param: 'input' })
  }
  if (typeof request.max_output_tokens === 'number' && request.max_output_tokens < 16) return openAiMockError(400, "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16.", { param: 'max_output_tokens', code: 'integer_below_min_value' })
  return undefined
}

/** The answer by the shared markers: `TOOLCALL:<name>:<json>` in the last user text, else text ("Tool said: …" after tool outputs). */
export function planResponsesReply(body: Json): { output: Json[]; usage: Json } {
  const input = body.input as Json[]
  const outputs = input.filter((item) => item.type === 'function_call_output').map((item) => String(item.output))
  const lastUser = [...input].reverse().find((item) => item.type === 'message' && item.role === 'user')
  const text = ((lastUser?.content as Json[] | undefined) ?? []).map((part) => (part.type === 'input_text' ? String(part.text) : '')).join('\n')
  const lastIsToolOutput = input.at(-1)?.type === 'function_call_output'
  const marker = /TOOLCALL:([A-Za-z0-9_-]+):(\{.*\})/.exec(text)
  const usage = { input_tokens: Math.ceil(JSON.stringify(input).length / 4), output_tokens: 7, total_tokens: 0, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } }
  if (marker && !lastIsToolOutput) {
    return { output: [{ type: 'function_call', id: `fc_${randomBytes(12).toString('hex')}`, call_id: `call_${randomBytes(12).toString('hex')}`, name: marker[1], arguments: marker[2], status: 'completed' }], usage }
  }
  const reply = lastIsToolOutput ? `Tool said: ${outputs.join('; ')}` : 'Hello from the mock upstream.'
  return { output: [{ type: 'message', id: `msg_${randomBytes(12).toString('hex')}`, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: reply, annotations: [] }] }], usage }
}

export function responsesObject(body: Json, plan: { output: Json[]; usage: Json }, id: string): Json {
  return { id, object: 'response', created_at: Math.floor(Date.now() / 1000), status: 'completed', model: body.model, output: plan.output, usage: plan.usage, error: null, incomplete_details: null }
}

/** The stream events of a planned answer, in the order the API sends them. */
export function responsesStreamEvents(body: Json, plan: { output: Json[]; usage: Json }, id: string): Json[] {
  const events: Json[] = [{ type: 'response.created', response: { ...responsesObject(body, { output: [], usage: {} }, id), status: 'in_progress', usage: null } }]
  plan.output.forEach((item, outputIndex) => {
    if (item.type === 'message') {
      const text = String(((item.content as Json[])[0] as Json).text)
      events.push({ type: 'response.output_item.added', output_index: outputIndex, item: { ...item, status: 'in_progress', content: [] } })
      events.push({ type: 'response.content_part.added', item_id: item.id, output_index: outputIndex, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } })
      for (const delta of text.match(/.{1,6}/gsu) ?? []) events.push({ type: 'response.output_text.delta', item_id: item.id, output_index: outputIndex, content_index: 0, delta })
      events.push({ type: 'response.output_text.done', item_id: item.id, output_index: outputIndex, content_index: 0, text })
      events.push({ type: 'response.output_item.done', output_index: outputIndex, item })
    } else {
      const args = String(item.arguments)
      events.push({ type: 'response.output_item.added', output_index: outputIndex, item: { ...item, arguments: '', status: 'in_progress' } })
      for (const delta of args.match(/.{1,5}/gsu) ?? []) events.push({ type: 'response.function_call_arguments.delta', item_id: item.id, output_index: outputIndex, delta })
      events.push({ type: 'response.function_call_arguments.done', item_id: item.id, output_index: outputIndex, arguments: args })
      events.push({ type: 'response.output_item.done', output_index: outputIndex, item })
    }
  })
  events.push({ type: 'response.completed', response: responsesObject(body, plan, id) })
  return events.map((event, index) => ({ ...event, sequence_number: index }))
}
