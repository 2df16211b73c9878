import { describe, expect, test } from 'vitest'
import type { CifMessage, CifRequest } from '../../cif'
import { buildOpenAiChatRequestBody } from './build-openai-chat-request-body'
import { resolveOpenAiChatQuirks, type OpenAiChatQuirks } from './openai-chat-quirks'

const local = 'http://127.0.0.1:11434/v1'
const say = (text: string): CifMessage => ({ role: 'user', content: [{ type: 'text', text }] })
const request = (extra: Partial<CifRequest> = {}): CifRequest => ({ model: 'm', system: [], messages: [say('hi')], stream: false, ...extra })
const build = (extra: Partial<CifRequest> = {}, quirks: Partial<OpenAiChatQuirks> = {}, stream = false, baseUrl = local) =>
  buildOpenAiChatRequestBody(request(extra), resolveOpenAiChatQuirks(baseUrl, quirks), { stream })

describe('messages', () => {
  test('system parts become one leading message; a later system turn stays in place; developer role by quirk', () => {
    const messages: CifMessage[] = [say('a'), { role: 'system', content: [{ type: 'text', text: 'Mid.' }] }, say('b')]
    const { body } = build({ system: [{ type: 'text', text: 'One.' }, { type: 'text', text: 'Two.' }], messages })
    expect(body.messages).toEqual([{ role: 'system', content: 'One.\n\nTwo.' }, { role: 'user', content: 'a' }, { role: 'system', content: 'Mid.' }, { role: 'user', content: 'b' }])
    expect(build({ system: [{ type: 'text', text: 'S' }] }, { systemMessageRole: 'developer' }).body.messages[0]).toEqual({ role: 'developer', content: 'S' })
  })

  test('images: base64 → data URL, url kept, detail kept; a file-id image is dropped with a warning', () => {
    const { body, warnings } = build({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look' },
            { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'AAAA' }, detail: 'low' },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.jpg' } },
            { type: 'image', source: { type: 'file-id', fileId: 'file-1' } },
          ],
        },
      ],
    })
    expect(body.messages[0]!.content).toEqual([
      { type: 'text', text: 'look' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } },
      { type: 'image_url', image_url: { url: 'https://example.com/a.jpg' } },
    ])
    expect(warnings).toEqual([expect.objectContaining({ feature: 'image file id' })])
  })

  test('documents: text inline; a PDF becomes a file part where the upstream takes them, else it is dropped and warned', () => {
    const messages: CifMessage[] = [
      {
        role: 'user',
        content: [
          { type: 'document', title: 'Notes', source: { type: 'text', mediaType: 'text/plain', text: 'body' } },
          { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' } },
          { type: 'document', source: { type: 'file-id', fileId: 'file-9' } },
        ],
      },
    ]
    const taking = build({ messages }, { documentInput: true })
    expect(taking.body.messages[0]!.content).toEqual([
      { type: 'text', text: 'Notes\n\nbody' },
      { type: 'file', file: { filename: 'document.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } },
      { type: 'file', file: { file_id: 'file-9' } },
    ])
    expect(taking.warnings).toEqual([])
    const refusing = build({ messages })
    expect(refusing.body.messages[0]!.content).toBe('Notes\n\nbody')
    expect(refusing.warnings.map((warning) => warning.type === 'unsupported' && warning.feature)).toEqual(['document (base64)', 'document (file-id)'])
  })

  test('reasoning is not replayed (one warning for many blocks) unless a replay field is configured', () => {
    const messages: CifMessage[] = [
      say('q'),
      { role: 'assistant', content: [{ type: 'reasoning', text: 'think 1', signature: 'sig' }, { type: 'text', text: 'a1' }] },
      say('q2'),
      { role: 'assistant', content: [{ type: 'reasoning', text: 'think 2' }, { type: 'text', text: 'a2' }] },
      say('q3'),
    ]
    const dropped = build({ messages })
    expect(dropped.body.messages[1]).toEqual({ role: 'assistant', content: 'a1' })
    expect(dropped.warnings).toEqual([{ type: 'unsupported', feature: 'reasoning replay', details: 'reasoning blocks not replayed to openai-compatible' }])
    const replayed = build({ messages }, { reasoningReplayField: 'reasoning_content' })
    expect(replayed.body.messages[3]).toEqual({ role: 'assistant', content: 'a2', reasoning_content: 'think 2' })
    expect(replayed.warnings).toEqual([])
  })

  test('assistant tool calls: empty arguments become {}, content is "" without text; tool results are text', () => {
    const messages: CifMessage[] = [
      say('q'),
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'f', kind: 'function', input: '' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', kind: 'function', isError: true, content: [{ type: 'text', text: 'boom' }, { type: 'text', text: 'trace' }] }] },
    ]
    const { body, warnings } = build({ messages })
    expect(body.messages.slice(1)).toEqual([
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'boom\n\ntrace' },
    ])
    expect(warnings).toEqual([expect.objectContaining({ feature: 'tool-result isError' })])
  })
})

describe('cache breakpoints', () => {
  const cached: Partial<CifRequest> = { system: [{ type: 'text', text: 'S', cacheControl: { type: 'ephemeral', ttl: '1h' } }], messages: [{ role: 'user', content: [{ type: 'text', text: 'u', cacheControl: { type: 'ephemeral' } }] }] }

  test('unsupported: sent as plain text, one warning', () => {
    const { body, warnings } = build(cached)
    expect(body.messages).toEqual([{ role: 'system', content: 'S' }, { role: 'user', content: 'u' }])
    expect(warnings).toEqual([expect.objectContaining({ feature: 'cache_control' })])
  })

  test('automatic (api.openai.com default): dropped quietly', () => {
    expect(build(cached, {}, false, 'https://api.openai.com/v1').warnings).toEqual([])
  })

  test('openai-breakpoint and anthropic-inline mark the part in their spelling', () => {
    expect(build(cached, { cacheControl: 'openai-breakpoint' }).body.messages[1]).toEqual({ role: 'user', content: [{ type: 'text', text: 'u', prompt_cache_breakpoint: { mode: 'explicit' } }] })
    expect(build(cached, { cacheControl: 'anthropic-inline' }).body.messages[0]).toEqual({ role: 'system', content: [{ type: 'text', text: 'S', cache_control: { type: 'ephemeral', ttl: '1h' } }] })
  })
})

describe('tools', () => {
  const weather = { type: 'function' as const, name: 'get_weather', description: 'Weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }

  test('function tools, tool_choice by name, parallel_tool_calls', () => {
    const { body } = build({ tools: [weather], toolChoice: { type: 'tool', toolName: 'get_weather' }, parallelToolCalls: false })
    expect(body.tools).toEqual([{ type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: weather.inputSchema } }])
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } })
    expect(body.parallel_tool_calls).toBe(false)
  })

  test('custom tools: a {input: string} function by default, native on api.openai.com (grammar nested)', () => {
    const patch = { type: 'custom' as const, name: 'apply_patch', description: 'Patch', format: { type: 'grammar', syntax: 'lark', definition: 'start: x' } }
    const asFunction = build({ tools: [patch] })
    expect(asFunction.body.tools).toEqual([
      { type: 'function', function: { name: 'apply_patch', description: 'Patch', parameters: { type: 'object', properties: { input: { type: 'string', description: 'The raw input of the tool.' } }, required: ['input'], additionalProperties: false } } },
    ])
    expect(asFunction.customToolsAsFunctions).toEqual(new Set(['apply_patch']))
    expect(asFunction.warnings).toEqual([{ type: 'other', message: 'custom tool apply_patch sent as a function tool taking {input: string} (its format is not enforced)' }])
    const native = build({ tools: [patch], toolChoice: { type: 'tool', toolName: 'apply_patch' } }, {}, false, 'https://api.openai.com/v1')
    expect(native.body.tools).toEqual([{ type: 'custom', custom: { name: 'apply_patch', description: 'Patch', format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'start: x' } } } }])
    expect(native.body.tool_choice).toEqual({ type: 'custom', custom: { name: 'apply_patch' } })
  })

  test('builtins of other dialects are dropped and warned; when no tool is left, neither tool_choice nor parallel_tool_calls is sent', () => {
    const { body, warnings } = build({ tools: [{ type: 'builtin', dialect: 'anthropic', name: 'web_search', raw: { type: 'web_search_20250305' } }], toolChoice: { type: 'required' }, parallelToolCalls: true })
    expect(body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })
    expect(warnings.map((warning) => warning.type === 'unsupported' && warning.feature)).toEqual(['builtin tool web_search', 'tool_choice required'])
  })

  test('a chat builtin is forwarded verbatim', () => {
    const raw = { type: 'web_search_preview' }
    expect(build({ tools: [{ type: 'builtin', dialect: 'openai-chat', name: 'web_search_preview', raw }] }).body.tools).toEqual([raw])
  })
})

describe('sampling, limits, formats, reasoning, extras', () => {
  test('only what is set; the token limit field follows the host', () => {
    expect(build().body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })
    const { body } = build({ maxOutputTokens: 64, temperature: 0, topP: 0.5, stopSequences: ['END'], seed: 7, frequencyPenalty: 0.1, presencePenalty: -0.1, user: 'u1', promptCacheKey: 'thread-1' })
    expect(body).toMatchObject({ max_tokens: 64, temperature: 0, top_p: 0.5, stop: ['END'], seed: 7, frequency_penalty: 0.1, presence_penalty: -0.1, user: 'u1', prompt_cache_key: 'thread-1' })
    expect(build({ maxOutputTokens: 64 }, {}, false, 'https://api.openai.com/v1').body).toMatchObject({ max_completion_tokens: 64 })
    expect(build({ maxOutputTokens: 64 }, {}, false, 'https://api.openai.com/v1').body.max_tokens).toBeUndefined()
  })

  test('topK is warned, or sent where the upstream takes it', () => {
    expect(build({ topK: 40 }).warnings).toEqual([expect.objectContaining({ feature: 'topK' })])
    expect(build({ topK: 40 }, { topK: true }).body.top_k).toBe(40)
  })

  test('response formats', () => {
    expect(build({ responseFormat: { type: 'json-object' } }).body.response_format).toEqual({ type: 'json_object' })
    expect(build({ responseFormat: { type: 'json-schema', schema: { type: 'object' }, name: 'answer', strict: true } }).body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, strict: true } })
  })

  test('reasoning: effort as is; a budget approximated with a warning; summaries and switch-off warned', () => {
    expect(build({ reasoning: { effort: 'high' } }).body.reasoning_effort).toBe('high')
    const budget = build({ reasoning: { enabled: true, budgetTokens: 10_000 } })
    expect(budget.body.reasoning_effort).toBe('medium')
    expect(budget.warnings).toEqual([{ type: 'other', message: 'thinking budget of 10000 tokens sent as reasoning_effort "medium"' }])
    expect(build({ reasoning: { adaptive: true } }).body.reasoning_effort).toBeUndefined()
    expect(build({ reasoning: { enabled: false } }).warnings).toEqual([expect.objectContaining({ feature: 'reasoning off' })])
    expect(build({ reasoning: { effort: 'low', summary: 'auto' } }).warnings).toEqual([expect.objectContaining({ feature: 'reasoning summary' })])
  })

  test('streams always ask for usage (unless the quirk says no)', () => {
    expect(build({}, {}, true).body).toMatchObject({ stream: true, stream_options: { include_usage: true } })
    expect(build({}, { streamUsage: false }, true).body.stream_options).toBeUndefined()
  })

  test('chat-client extras fill free fields only; stream_options merged on streams, dropped otherwise; other dialects warned', () => {
    const extras = { dialect: 'openai-chat' as const, fields: { service_tier: 'flex', model: 'other', stream_options: { include_usage: false, include_obfuscation: false } } }
    expect(build({ dialectExtras: extras, metadata: { a: 'b' } }).body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }], metadata: { a: 'b' }, service_tier: 'flex' })
    expect(build({ dialectExtras: extras }, {}, true).body.stream_options).toEqual({ include_usage: true, include_obfuscation: false })
    const foreign = build({ dialectExtras: { dialect: 'anthropic-messages', fields: { context_management: {} } }, metadata: { user_id: 'x' } })
    expect(foreign.body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })
    expect(foreign.warnings.map((warning) => warning.type === 'unsupported' && warning.feature)).toEqual(['metadata', 'anthropic-messages fields'])
  })

  test('transformRequestBody has the last word', () => {
    const { body } = build({}, { transformRequestBody: (wire) => ({ ...wire, enable_thinking: true }) })
    expect(body.enable_thinking).toBe(true)
  })
})
