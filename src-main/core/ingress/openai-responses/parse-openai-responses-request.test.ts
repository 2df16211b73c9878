import { describe, expect, test } from 'vitest'
import { GatewayError } from '../../errors/gateway-error'
import { parseOpenAiResponsesRequest } from './parse-openai-responses-request'

function parse(body: Record<string, unknown>) {
  return parseOpenAiResponsesRequest({ model: 'gpt-x', ...body }, {})
}

function errorOf(body: Record<string, unknown>): GatewayError {
  try {
    parse(body)
  } catch (error) {
    if (GatewayError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected the request to be refused')
}

const call = (id: string, name = 'get_weather') => ({ type: 'function_call', call_id: id, name, arguments: '{}' })
const output = (id: string) => ({ type: 'function_call_output', call_id: id, output: 'ok' })
const user = (text: string) => ({ role: 'user', content: text })

describe('the conversation', () => {
  test('instructions, then leading system/developer items form the system prompt; later ones stay in place', () => {
    const { request, conversation } = parse({
      instructions: 'Be brief.',
      input: [{ role: 'developer', content: 'Dev rules.' }, { type: 'message', role: 'system', content: [{ type: 'input_text', text: 'Sys rules.' }] }, user('hi'), { role: 'developer', content: 'Later rule.' }, user('again')],
    })
    expect(request.system).toEqual([
      { type: 'text', text: 'Be brief.' },
      { type: 'text', text: 'Dev rules.' },
      { type: 'text', text: 'Sys rules.' },
    ])
    expect(request.messages.map((message) => message.role)).toEqual(['user', 'system', 'user'])
    expect(conversation.system).toEqual([
      { type: 'text', text: 'Dev rules.' },
      { type: 'text', text: 'Sys rules.' },
    ])
  })

  test('sibling calls share one assistant turn and their outputs one tool turn', () => {
    const { request } = parse({ input: [user('weather and time?'), { type: 'reasoning', id: 'rs_1', summary: [] }, call('a'), call('b', 'get_time'), output('a'), output('b')] })
    expect(request.messages.map((message) => [message.role, message.content.map((part) => part.type)])).toEqual([
      ['user', ['text']],
      ['assistant', ['reasoning', 'tool-call', 'tool-call']],
      ['tool', ['tool-result', 'tool-result']],
    ])
    expect(request.messages[2]!.content).toMatchObject([{ toolName: 'get_weather' }, { toolName: 'get_time' }])
  })

  test('calls interleaved with their outputs keep that order', () => {
    const { request } = parse({ input: [user('go'), call('a'), output('a'), call('b'), output('b')] })
    expect(request.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'tool'])
  })

  test('content kinds: images and files (data URLs become inline bytes), structured tool output', () => {
    const { request } = parse({
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'look' },
            { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0K', detail: 'low' },
            { type: 'input_image', file_id: 'file-img' },
            { type: 'input_file', file_data: 'data:application/pdf;base64,JVBERi0', filename: 'a.pdf' },
            { type: 'input_file', file_data: 'JVBERi0', filename: 'b.pdf' },
            { type: 'input_file', file_url: 'https://example.com/c.pdf' },
          ],
        },
        call('a'),
        { type: 'function_call_output', call_id: 'a', output: [{ type: 'input_text', text: 'see' }, { type: 'input_image', image_url: 'https://example.com/x.png' }] },
      ],
    })
    expect(request.messages[0]!.content).toEqual([
      { type: 'text', text: 'look' },
      { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBORw0K' }, detail: 'low' },
      { type: 'image', source: { type: 'file-id', fileId: 'file-img' } },
      { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0' }, filename: 'a.pdf' },
      { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0' }, filename: 'b.pdf' },
      { type: 'document', source: { type: 'url', url: 'https://example.com/c.pdf' } },
    ])
    expect(request.messages[2]!.content[0]).toMatchObject({ content: [{ type: 'text', text: 'see' }, { type: 'image', source: { type: 'url', url: 'https://example.com/x.png' } }] })
  })

  test('an echoed assistant message and a refusal become assistant text', () => {
    const { request } = parse({ input: [user('hi'), { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello', annotations: [], logprobs: [] }, { type: 'refusal', refusal: 'No.' }] }, user('why')] })
    expect(request.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Hello' }, { type: 'text', text: 'No.' }] })
  })

  test('hosted-tool items in the history are dropped with a warning, never silently', () => {
    const { request, warnings } = parse({ input: [user('search'), { type: 'web_search_call', id: 'ws_1', status: 'completed' }, { role: 'assistant', content: 'Found it.' }] })
    expect(request.messages.map((message) => message.role)).toEqual(['user', 'assistant'])
    expect(warnings).toEqual([{ type: 'unsupported', feature: 'input item type "web_search_call"', details: expect.stringContaining('input.1') }])
  })
})

describe('request settings', () => {
  test('sampling, limits, reasoning, structured output and identifiers map onto the CIF', () => {
    const { request, store } = parse({
      input: 'hi',
      stream: true,
      temperature: 0.2,
      top_p: 0.9,
      max_output_tokens: 300,
      parallel_tool_calls: false,
      reasoning: { effort: 'high', summary: 'detailed' },
      text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true }, verbosity: 'high' },
      prompt_cache_key: 'thread-1',
      safety_identifier: 'user-hash',
      metadata: { team: 'core' },
      service_tier: 'flex',
      store: false,
    })
    expect(request).toMatchObject({
      stream: true,
      temperature: 0.2,
      topP: 0.9,
      maxOutputTokens: 300,
      parallelToolCalls: false,
      reasoning: { effort: 'high', summary: 'detailed' },
      responseFormat: { type: 'json-schema', name: 'answer', schema: { type: 'object' }, strict: true },
      promptCacheKey: 'thread-1',
      user: 'user-hash',
      metadata: { team: 'core' },
      dialectExtras: { dialect: 'openai-responses', fields: { service_tier: 'flex', safety_identifier: 'user-hash', text: { verbosity: 'high' } } },
    })
    expect(store).toBe(false)
  })

  test('effort none turns reasoning off; json_object and text formats map too', () => {
    expect(parse({ input: 'hi', reasoning: { effort: 'none' } }).request.reasoning).toEqual({ effort: 'none', enabled: false })
    expect(parse({ input: 'hi', text: { format: { type: 'json_object' } } }).request.responseFormat).toEqual({ type: 'json-object' })
    expect(parse({ input: 'hi', text: { format: { type: 'text' } } }).request.responseFormat).toEqual({ type: 'text' })
  })

  test('a configuration_update item (Codex lite) changes the reasoning effort from there on', () => {
    const { request, warnings } = parse({ input: [user('hi'), { type: 'configuration_update', reasoning: { effort: 'low' }, sandbox: 'strict' }], reasoning: { effort: 'high', summary: 'auto' } })
    expect(request.reasoning).toEqual({ effort: 'low', summary: 'auto' })
    expect(request.messages).toHaveLength(1)
    expect(warnings).toEqual([{ type: 'unsupported', feature: 'configuration_update settings', details: 'sandbox at input.1 are not applied' }])
  })

  test('an unknown body field travels as a dialect extra, with a warning', () => {
    const { request, warnings } = parse({ input: 'hi', brand_new_option: { on: true } })
    expect(request.dialectExtras!.fields).toEqual({ brand_new_option: { on: true } })
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported', feature: 'request field "brand_new_option"' })])
  })
})

describe('tools and tool_choice', () => {
  const tools = [
    { type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true },
    { type: 'custom', name: 'apply_patch', description: 'Patch files.', format: { type: 'text' } },
    { type: 'namespace', name: 'crm', tools: [{ type: 'function', name: 'lookup', description: 'Find a customer.' }] },
    { type: 'web_search' },
    { type: 'mcp', server_label: 'docs', server_url: 'https://mcp.example.com' },
  ]

  test('each tool kind converts; a function without parameters takes an empty object', () => {
    expect(parse({ input: 'hi', tools }).request.tools).toEqual([
      { type: 'function', name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } }, strict: true },
      { type: 'custom', name: 'apply_patch', description: 'Patch files.', format: { type: 'text' } },
      { type: 'function', name: 'crm__lookup', description: 'Find a customer.', inputSchema: { type: 'object', properties: {} } },
      { type: 'builtin', dialect: 'openai-responses', name: 'web_search', raw: { type: 'web_search' } },
      { type: 'builtin', dialect: 'openai-responses', name: 'mcp:docs', raw: tools[4] },
    ])
  })

  test.each([
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'required' }],
    [{ type: 'function', name: 'get_weather' }, { type: 'tool', toolName: 'get_weather' }],
    [{ type: 'custom', name: 'apply_patch' }, { type: 'tool', toolName: 'apply_patch' }],
    [{ type: 'function', name: 'lookup' }, { type: 'tool', toolName: 'crm__lookup' }],
    [{ type: 'web_search' }, { type: 'tool', toolName: 'web_search' }],
    [{ type: 'mcp', server_label: 'docs' }, { type: 'tool', toolName: 'mcp:docs' }],
  ])('tool_choice %j → %j', (choice, expected) => {
    expect(parse({ input: 'hi', tools, tool_choice: choice }).request.toolChoice).toEqual(expected)
  })

  test('allowed_tools narrows the tools to the allowed ones', () => {
    const { request } = parse({ input: 'hi', tools, tool_choice: { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'get_weather' }, { type: 'web_search' }] } })
    expect(request.toolChoice).toEqual({ type: 'required' })
    expect(request.tools!.map((tool) => tool.name)).toEqual(['get_weather', 'web_search'])
  })

  test('function tool fields the CIF lacks travel as dialect options; a custom tool’s are warned about', () => {
    const { request, warnings } = parse({ input: 'hi', tools: [{ type: 'function', name: 'later', parameters: { type: 'object' }, defer_loading: true }, { type: 'custom', name: 'patch', defer_loading: true }] })
    expect(request.tools![0]).toMatchObject({ name: 'later', dialectOptions: { defer_loading: true } })
    expect(warnings).toEqual([{ type: 'unsupported', feature: 'custom tool fields', details: 'defer_loading of tools.1 have no place in the CIF and are not passed on' }])
  })

  test('a name declared twice keeps the first declaration and says so', () => {
    const { request, warnings } = parse({ input: [{ type: 'additional_tools', tools: [{ type: 'function', name: 'get_weather', description: 'second' }] }, user('hi')], tools: [tools[0]] })
    expect(request.tools).toHaveLength(1)
    expect(request.tools![0]).not.toHaveProperty('description')
    expect(warnings).toEqual([{ type: 'other', message: expect.stringContaining('"get_weather" is declared more than once') }])
  })
})

describe('bad input is a 400 naming the field', () => {
  test.each([
    [{ model: '' }, 'model: Too small: expected string to have >=1 characters'],
    [{ input: 42 }, 'input: Invalid input: expected string or array, received number'],
    [{ input: [] }, 'input: the request has no input to respond to'],
    [{ input: [{ type: 'bogus' }] }, "input.0.type: unknown input item type 'bogus'; expected one of message, function_call"],
    [{ input: [{ content: 'no role' }] }, 'input.0.type: missing; an item without a type must be a message'],
    [{ input: [{ role: 'robot', content: 'hi' }] }, 'input.0.role: Invalid option: expected one of "user"|"assistant"|"system"|"developer"'],
    [{ input: [user('a'), { role: 'user', content: [{ type: 'input_text' }] }] }, 'input.1.content.0.text: Invalid input: expected string, received undefined'],
    [{ input: [{ role: 'user', content: [{ type: 'input_text', text: 'a' }, { type: 'video' }] }] }, 'input.0.content.1.type: Invalid discriminator value.'],
    [{ input: [{ role: 'user', content: [{ type: 'input_image' }] }] }, 'input.0.content.0.image_url: an input_image needs image_url or file_id'],
    [{ input: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: '', format: 'wav' } }] }] }, 'input.0.content.0.type: input_audio is not supported'],
    [{ input: [{ role: 'assistant', content: [{ type: 'input_image', image_url: 'https://x' }] }] }, 'input.0.content.0.type: an assistant message can only hold output_text or refusal'],
    [{ input: [user('a'), { type: 'function_call', name: 'f', arguments: '{}' }] }, 'input.1.call_id: Invalid input: expected string, received undefined'],
    [{ input: [user('a'), { type: 'function_call_output', call_id: 'c', output: [{ type: 'input_text', text: 1 }] }] }, 'input.1.output.0.text: Invalid input: expected string, received number'],
    [{ input: [user('a'), { type: 'custom_tool_call', call_id: 'c', name: 'p' }] }, 'input.1.input: Invalid input: expected string, received undefined'],
    [{ input: [{ type: 'item_reference', id: 'msg_1' }] }, "input.0.id: no stored item has the id 'msg_1'"],
    [{ input: 'hi', tools: [{ type: 'function' }] }, 'tools.0.name: Invalid input: expected string, received undefined'],
    [{ input: 'hi', tools: [{ type: 'namespace', name: 'ns', tools: [{ type: 'web_search' }] }] }, 'tools.0.tools.0.type: Invalid discriminator value.'],
    [{ input: 'hi', tool_choice: { type: 'function', name: 'missing' } }, "tool_choice.name: no function tool named 'missing' is in tools"],
    [{ input: 'hi', tool_choice: 'sometimes' }, 'tool_choice: Invalid option'],
    [{ input: 'hi', temperature: 3 }, 'temperature: Too big: expected number to be <=2'],
    [{ input: 'hi', text: { format: { type: 'json_schema' } } }, 'text.format.schema: Invalid input: expected record, received undefined'],
    [{ input: 'hi', reasoning: { effort: 'extreme' } }, 'reasoning.effort: Invalid option'],
    [{ input: 'hi', metadata: { n: 1 } }, 'metadata.n: Invalid input: expected string, received number'],
    [{ input: 'hi', background: true }, 'background: background responses are not supported'],
    [{ input: 'hi', conversation: 'conv_1' }, 'conversation: the Conversations API is not supported'],
    [{ input: 'hi', prompt: { id: 'pmpt_1' } }, 'prompt: stored prompt templates are not supported'],
  ])('%j', (body, message) => {
    const error = errorOf(body)
    expect(error).toMatchObject({ status: 400, type: 'invalid_request' })
    expect(error.message).toContain(message)
  })

  test('an unknown previous_response_id is the official previous_response_not_found', () => {
    const error = errorOf({ input: 'hi', previous_response_id: 'resp_missing' })
    expect(error).toMatchObject({ status: 400, code: 'previous_response_not_found', param: 'previous_response_id', message: "Previous response with id 'resp_missing' not found." })
  })
})
