import { describe, expect, test } from 'vitest'
import type { CifMessage, CifRequest } from '../../cif'
import { parseOpenAiChatRequest } from './parse-openai-chat-request'

const png = 'iVBORw0KGgo='

function parse(body: Record<string, unknown>) {
  return parseOpenAiChatRequest({ model: 'gpt-test', ...body }, {})
}

function messagesOf(messages: unknown[]): CifMessage[] {
  return parse({ messages }).request.messages
}

describe('messages', () => {
  test('leading system and developer messages form the system prompt; later ones stay in place', () => {
    const { request } = parse({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'developer', content: [{ type: 'text', text: 'Use tools.' }] },
        { role: 'user', content: 'hi' },
        { role: 'developer', content: 'Now be verbose.' },
      ],
    })
    expect(request.system).toEqual([
      { type: 'text', text: 'You are terse.' },
      { type: 'text', text: 'Use tools.' },
    ])
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'system', content: [{ type: 'text', text: 'Now be verbose.' }] },
    ])
  })

  test.each<[string, unknown, CifMessage['content']]>([
    ['string', 'hello', [{ type: 'text', text: 'hello' }]],
    ['text part', [{ type: 'text', text: 'hello' }], [{ type: 'text', text: 'hello' }]],
    [
      'data-URL image with detail',
      [{ type: 'image_url', image_url: { url: `data:image/png;base64,${png}`, detail: 'low' } }],
      [{ type: 'image', source: { type: 'base64', mediaType: 'image/png', data: png }, detail: 'low' }],
    ],
    [
      'http image',
      [{ type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } }],
      [{ type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } }],
    ],
    [
      'percent-encoded data URL',
      [{ type: 'image_url', image_url: { url: 'data:image/svg+xml,%3Csvg%2F%3E' } }],
      [{ type: 'image', source: { type: 'base64', mediaType: 'image/svg+xml', data: Buffer.from('<svg/>').toString('base64') } }],
    ],
    [
      'file by id',
      [{ type: 'file', file: { file_id: 'file-abc' } }],
      [{ type: 'document', source: { type: 'file-id', fileId: 'file-abc' } }],
    ],
    [
      'file as a data URL',
      [{ type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' } }],
      [{ type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, filename: 'a.pdf' }],
    ],
    [
      'file as bare base64 (media type from the filename)',
      [{ type: 'file', file: { file_data: 'aGk=', filename: 'notes.txt' } }],
      [{ type: 'document', source: { type: 'base64', mediaType: 'text/plain', data: 'aGk=' }, filename: 'notes.txt' }],
    ],
    [
      'cache hints on parts',
      [
        { type: 'text', text: 'a', cache_control: { type: 'ephemeral', ttl: '1h' } },
        { type: 'text', text: 'b', prompt_cache_breakpoint: { mode: 'explicit' } },
      ],
      [
        { type: 'text', text: 'a', cacheControl: { type: 'ephemeral', ttl: '1h' } },
        { type: 'text', text: 'b', cacheControl: { type: 'ephemeral' } },
      ],
    ],
  ])('user content: %s', (_name, content, expected) => {
    expect(messagesOf([{ role: 'user', content }])).toEqual([{ role: 'user', content: expected }])
  })

  test('a message-level cache_control lands on the last part', () => {
    const messages = messagesOf([{ role: 'user', content: 'long context', cache_control: { type: 'ephemeral' } }])
    expect(messages[0]!.content).toEqual([{ type: 'text', text: 'long context', cacheControl: { type: 'ephemeral' } }])
  })

  test.each<[string, Record<string, unknown>, CifMessage['content']]>([
    ['string content', { content: 'Sure.' }, [{ type: 'text', text: 'Sure.' }]],
    ['null content', { content: null }, []],
    ['text parts', { content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }, [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }]],
    ['refusal part (as text)', { content: [{ type: 'refusal', refusal: 'I cannot.' }] }, [{ type: 'text', text: 'I cannot.' }]],
    ['refusal field (as text)', { content: null, refusal: 'No.' }, [{ type: 'text', text: 'No.' }]],
    [
      'reasoning_content echo comes first',
      { content: 'Answer.', reasoning_content: 'Thinking…' },
      [
        { type: 'reasoning', text: 'Thinking…', origin: { dialect: 'openai-chat' } },
        { type: 'text', text: 'Answer.' },
      ],
    ],
    [
      'empty-string content next to tool_calls (OpenCode)',
      { content: '', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'bash', arguments: '{"command":"ls"}' } }] },
      [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'bash', kind: 'function', input: '{"command":"ls"}' }],
    ],
    [
      'arguments as an object',
      { tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: { a: 1 } } }] },
      [{ type: 'tool-call', toolCallId: 'c', toolName: 'f', kind: 'function', input: '{"a":1}' }],
    ],
    [
      'double-encoded arguments',
      { tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: JSON.stringify('{"a":1}') } }] },
      [{ type: 'tool-call', toolCallId: 'c', toolName: 'f', kind: 'function', input: '{"a":1}' }],
    ],
    [
      'arguments that are not JSON stay as received',
      { tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"a":' } }] },
      [{ type: 'tool-call', toolCallId: 'c', toolName: 'f', kind: 'function', input: '{"a":' }],
    ],
    [
      'custom tool call',
      { tool_calls: [{ id: 'c', type: 'custom', custom: { name: 'apply_patch', input: '*** Begin Patch' } }] },
      [{ type: 'tool-call', toolCallId: 'c', toolName: 'apply_patch', kind: 'custom', input: '*** Begin Patch' }],
    ],
  ])('assistant: %s', (_name, fields, expected) => {
    expect(messagesOf([{ role: 'user', content: 'q' }, { role: 'assistant', ...fields }])[1]).toEqual({ role: 'assistant', content: expected })
  })

  test('consecutive tool messages share one tool turn and learn the tool name and kind', () => {
    const messages = messagesOf([
      { role: 'user', content: 'q' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'call_b', type: 'custom', custom: { name: 'apply_patch', input: 'patch' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: '21°C' },
      { role: 'tool', tool_call_id: 'call_b', content: [{ type: 'text', text: 'applied' }] },
      { role: 'tool', tool_call_id: 'call_unknown', content: 'orphan' },
    ])
    expect(messages[2]).toEqual({
      role: 'tool',
      content: [
        { type: 'tool-result', toolCallId: 'call_a', toolName: 'get_weather', kind: 'function', content: [{ type: 'text', text: '21°C' }] },
        { type: 'tool-result', toolCallId: 'call_b', toolName: 'apply_patch', kind: 'custom', content: [{ type: 'text', text: 'applied' }] },
        { type: 'tool-result', toolCallId: 'call_unknown', kind: 'function', content: [{ type: 'text', text: 'orphan' }] },
      ],
    })
    expect(messages).toHaveLength(3)
  })

  test('dropped message fields are warned about; the openai SDK `parsed` echo is not', () => {
    const { warnings } = parse({
      messages: [
        { role: 'user', content: 'q', name: 'alice' },
        { role: 'assistant', content: 'a', parsed: null, audio: { id: 'audio_1' }, mystery: 1 },
      ],
    })
    expect(warnings.map((warning) => (warning.type === 'unsupported' ? warning.details : ''))).toEqual([
      'messages.0.name was dropped: the CIF has no participant names.',
      'messages.1.mystery is not a chat message field; dropped.',
      'messages.1.audio (a previous audio answer) was dropped: the gateway has no audio.',
    ])
  })
})

describe('request fields', () => {
  test('every field with a CIF slot', () => {
    const { request, includeUsage, warnings } = parse({
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 100,
      max_completion_tokens: 200,
      temperature: 0.5,
      top_p: 0.9,
      stop: 'END',
      seed: 7,
      frequency_penalty: 0.1,
      presence_penalty: -0.1,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, strict: true, description: 'd' } },
      reasoning_effort: 'high',
      stream: true,
      stream_options: { include_usage: true },
      tools: [
        { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object' }, strict: true } },
        { type: 'function', function: { name: 'no_params' } },
        { type: 'custom', custom: { name: 'apply_patch', format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'start: x' } } } },
      ],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      user: 'u1',
      metadata: { session: 's1' },
      prompt_cache_key: 'thread-1',
      n: 1,
    })
    expect(request).toEqual<CifRequest>({
      model: 'gpt-test',
      system: [],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      stream: true,
      maxOutputTokens: 200,
      temperature: 0.5,
      topP: 0.9,
      stopSequences: ['END'],
      seed: 7,
      frequencyPenalty: 0.1,
      presencePenalty: -0.1,
      responseFormat: { type: 'json-schema', name: 'answer', schema: { type: 'object' }, strict: true, description: 'd' },
      reasoning: { effort: 'high' },
      tools: [
        { type: 'function', name: 'get_weather', description: 'Weather', inputSchema: { type: 'object' }, strict: true },
        { type: 'function', name: 'no_params', inputSchema: { type: 'object', properties: {} } },
        { type: 'custom', name: 'apply_patch', format: { type: 'grammar', syntax: 'lark', definition: 'start: x' } },
      ],
      toolChoice: { type: 'tool', toolName: 'get_weather' },
      parallelToolCalls: false,
      user: 'u1',
      metadata: { session: 's1' },
      promptCacheKey: 'thread-1',
    })
    expect(includeUsage).toBe(true)
    expect(warnings).toEqual([expect.objectContaining({ feature: 'custom tool call streaming' })])
  })

  test.each<[string, Record<string, unknown>, Partial<CifRequest>]>([
    ['max_tokens alone', { max_tokens: 50 }, { maxOutputTokens: 50 }],
    ['stop as an array', { stop: ['a', 'b'] }, { stopSequences: ['a', 'b'] }],
    ['json_object', { response_format: { type: 'json_object' } }, { responseFormat: { type: 'json-object' } }],
    ['reasoning_effort none', { reasoning_effort: 'none' }, { reasoning: { enabled: false, effort: 'none' } }],
    ['tool_choice required', { tool_choice: 'required' }, { toolChoice: { type: 'required' } }],
    ['tool_choice custom', { tool_choice: { type: 'custom', custom: { name: 'x' } } }, { toolChoice: { type: 'tool', toolName: 'x' } }],
    [
      'tool_choice allowed_tools keeps only the allowed tools',
      {
        tools: [
          { type: 'function', function: { name: 'a' } },
          { type: 'function', function: { name: 'b' } },
        ],
        tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'b' } }] } },
      },
      { tools: [{ type: 'function', name: 'b', inputSchema: { type: 'object', properties: {} } }], toolChoice: { type: 'required' } },
    ],
    ['null means "not set"', { temperature: null, stop: null, stream: null, service_tier: null }, { stream: false }],
  ])('%s', (_name, fields, expected) => {
    const { request } = parse({ messages: [{ role: 'user', content: 'hi' }], ...fields })
    expect(request).toMatchObject(expected)
    if (fields.temperature === null) expect(Object.keys(request).sort()).toEqual(['messages', 'model', 'stream', 'system'])
  })

  test('fields without a CIF slot, known or not, travel as openai-chat dialect extras', () => {
    const { request } = parse({
      messages: [{ role: 'user', content: 'hi' }],
      service_tier: 'flex',
      store: false,
      logprobs: true,
      verbosity: 'low',
      prediction: { type: 'content', content: 'x' },
      web_search_options: {},
      vendor_thing: { a: 1 },
      logit_bias: null,
    })
    expect(request.dialectExtras).toEqual({
      dialect: 'openai-chat',
      fields: { service_tier: 'flex', store: false, logprobs: true, verbosity: 'low', prediction: { type: 'content', content: 'x' }, web_search_options: {}, vendor_thing: { a: 1 } },
    })
  })

  test('streaming follows the body, and usage only when asked', () => {
    expect(parse({ messages: [{ role: 'user', content: 'hi' }] })).toMatchObject({ request: { stream: false }, includeUsage: false })
    expect(parse({ messages: [{ role: 'user', content: 'hi' }], stream: true })).toMatchObject({ request: { stream: true }, includeUsage: false })
  })
})
