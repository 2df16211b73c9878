import { describe, expect, test } from 'vitest'
import type { CifMessage, CifRequest } from '../../cif'
import { buildAnthropicRequestBody, type BuildAnthropicRequestOptions } from './build-anthropic-request-body'
import { mapAnthropicStopReason } from './map-anthropic-stop-reason'

const options: BuildAnthropicRequestOptions = { stream: false, midConversationSystem: false, samplingParameters: true }
const user = (text: string): CifMessage => ({ role: 'user', content: [{ type: 'text', text }] })

function build(overrides: Partial<CifRequest> = {}, extra: Partial<BuildAnthropicRequestOptions> = {}) {
  return buildAnthropicRequestBody({ model: 'claude-sonnet-4-5', system: [], messages: [user('hi')], maxOutputTokens: 1000, stream: false, ...overrides }, { ...options, ...extra })
}

const warningTexts = (built: ReturnType<typeof build>) => built.warnings.map((warning) => (warning.type === 'other' ? warning.message : `${warning.feature}: ${warning.details}`))

describe('max_tokens (required by the API)', () => {
  test.each([
    ['claude-sonnet-4-5-20250929', 64_000],
    ['claude-opus-4-8', 64_000],
    ['claude-opus-4-1-20250805', 32_000],
    ['claude-3-5-haiku-20241022', 8192],
    ['claude-3-haiku-20240307', 4096],
    ['my-local-model', 8192],
  ])('without a limit, %s gets %i and a warning', (model, expected) => {
    const built = build({ model, maxOutputTokens: undefined })
    expect(built.body.max_tokens).toBe(expected)
    expect(warningTexts(built)).toEqual([expect.stringContaining(`max_tokens ${expected} was sent`)])
  })

  test("the instance's defaultMaxTokens wins over the model default; the request's own limit wins over both", () => {
    expect(build({ maxOutputTokens: undefined }, { defaultMaxTokens: 2000 }).body.max_tokens).toBe(2000)
    expect(build({ maxOutputTokens: 300 }, { defaultMaxTokens: 2000 })).toMatchObject({ body: { max_tokens: 300 }, warnings: [] })
  })
})

describe('thinking', () => {
  test.each([
    [{ budgetTokens: 2048 }, 'claude-sonnet-4-5', { type: 'enabled', budget_tokens: 2048 }, undefined],
    [{ adaptive: true, effort: 'high' as const }, 'claude-sonnet-4-5', { type: 'adaptive' }, 'high'],
    [{ effort: 'low' as const }, 'claude-opus-4-8', { type: 'adaptive' }, 'low'],
    [{ enabled: false }, 'claude-sonnet-4-5', { type: 'disabled' }, undefined],
    [{ effort: 'none' as const }, 'claude-sonnet-4-5', { type: 'disabled' }, undefined],
  ])('%o on %s → %o', (reasoning, model, thinking, effort) => {
    const built = build({ reasoning, model, maxOutputTokens: 8000 })
    expect(built.body.thinking).toEqual(thinking)
    expect(built.body.output_config?.effort).toBe(effort)
    expect(built.warnings).toEqual([])
  })

  test('effort only, on a model with manual thinking, becomes the shared budget table with a warning', () => {
    const built = build({ reasoning: { effort: 'medium' }, maxOutputTokens: 20_000 })
    expect(built.body.thinking).toEqual({ type: 'enabled', budget_tokens: 12_288 })
    expect(warningTexts(built)).toEqual([expect.stringContaining('approximation')])
    expect(warningTexts(build({ reasoning: { effort: 'minimal' }, model: 'claude-opus-4-8' }))).toEqual([expect.stringContaining('"minimal" was sent as "low"')])
  })

  test('the API rules while Claude thinks are met instead of earning a 400', () => {
    const sampled = build({ reasoning: { budgetTokens: 2048 }, maxOutputTokens: 8000, temperature: 0.3, topK: 5, topP: 0.9 })
    expect(sampled.body).not.toHaveProperty('temperature')
    expect(sampled.body).not.toHaveProperty('top_k')
    expect(sampled.body).not.toHaveProperty('top_p')
    expect(sampled.warnings).toHaveLength(3)
    expect(build({ reasoning: { budgetTokens: 2048 }, maxOutputTokens: 8000, temperature: 1, topP: 0.97 }).body).toMatchObject({ temperature: 1, top_p: 0.97 })

    const forced = build({ reasoning: { budgetTokens: 2048 }, maxOutputTokens: 8000, tools: [{ type: 'function', name: 'f', inputSchema: { type: 'object' } }], toolChoice: { type: 'required' } })
    expect(forced.body).toMatchObject({ thinking: { type: 'disabled' }, tool_choice: { type: 'any' } })

    expect(build({ reasoning: { budgetTokens: 8192 }, maxOutputTokens: 4096 }).body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 })
    expect(build({ reasoning: { budgetTokens: 4096 }, maxOutputTokens: 2000 }).body.thinking).toEqual({ type: 'disabled' })
    expect(build({ model: 'my-local-model', reasoning: { effort: 'high' }, maxOutputTokens: undefined }).body).toMatchObject({ max_tokens: 8192 + 32_000, thinking: { budget_tokens: 32_000 } })
  })
})

describe('tools', () => {
  test('function tools with Anthropic options, builtin tools by dialect, and the choice mapping', () => {
    const built = build({
      tools: [
        { type: 'function', name: 'f', description: 'd', inputSchema: { type: 'object' }, strict: true, cacheControl: { type: 'ephemeral' }, dialectOptions: { eager_input_streaming: true, parallel: 1 } },
        { type: 'builtin', dialect: 'anthropic', name: 'web_search', raw: { type: 'web_search_20250305', name: 'web_search', max_uses: 3 } },
        { type: 'builtin', dialect: 'openai-responses', name: 'code_interpreter', raw: { type: 'code_interpreter' } },
      ],
      toolChoice: { type: 'tool', toolName: 'f' },
      parallelToolCalls: false,
    })
    expect(built.body.tools).toEqual([
      { name: 'f', description: 'd', input_schema: { type: 'object' }, strict: true, eager_input_streaming: true, cache_control: { type: 'ephemeral' } },
      { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
    ])
    expect(built.body.tool_choice).toEqual({ type: 'tool', name: 'f', disable_parallel_tool_use: true })
    expect(warningTexts(built)).toEqual([expect.stringContaining('"parallel"'), expect.stringContaining('openai-responses built-in tool')])
    const tools = [{ type: 'function' as const, name: 'f', inputSchema: { type: 'object' } }]
    expect(build({ tools, toolChoice: { type: 'none' }, parallelToolCalls: false }).body.tool_choice).toEqual({ type: 'none' })
    const withoutTools = build({ toolChoice: { type: 'required' } })
    expect(withoutTools.body).not.toHaveProperty('tool_choice')
    expect(warningTexts(withoutTools)).toEqual([expect.stringContaining('no tool Anthropic can call')])
  })

  test('custom tools get a single string input; a grammar is described, not enforced', () => {
    const built = build({ tools: [{ type: 'custom', name: 'apply_patch', format: { type: 'grammar', syntax: 'lark', definition: 'start: "x"' } }] })
    expect(built.customToolNames).toEqual(new Set(['apply_patch']))
    expect(built.body.tools![0]).toMatchObject({ name: 'apply_patch', description: expect.stringContaining('start: "x"'), input_schema: { required: ['input'] } })
    expect(warningTexts(built)).toEqual([expect.stringContaining('grammar')])
  })
})

describe('messages', () => {
  test('tool calls: arguments parsed, unparsable ones sent as {} with a warning; cache_control kept everywhere', () => {
    const built = build({
      system: [{ type: 'text', text: 'sys', cacheControl: { type: 'ephemeral', ttl: '1h' } }],
      messages: [
        user('go'),
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'toolu_1', toolName: 'f', kind: 'function', input: '{"a":1}', cacheControl: { type: 'ephemeral' } },
            { type: 'tool-call', toolCallId: 'toolu_2', toolName: 'f', kind: 'function', input: '{"a":' },
            { type: 'tool-call', toolCallId: 'toolu_3', toolName: 'f', kind: 'function', input: '' },
          ],
        },
        { role: 'tool', content: ['toolu_1', 'toolu_2', 'toolu_3'].map((id) => ({ type: 'tool-result' as const, toolCallId: id, kind: 'function' as const, content: [{ type: 'text' as const, text: 'r' }], isError: id === 'toolu_2', cacheControl: id === 'toolu_3' ? { type: 'ephemeral' as const } : undefined })) },
      ],
    })
    expect(built.body.system).toEqual([{ type: 'text', text: 'sys', cache_control: { type: 'ephemeral', ttl: '1h' } }])
    expect(built.body.messages[1]!.content).toEqual([
      { type: 'tool_use', id: 'toolu_1', name: 'f', input: { a: 1 }, cache_control: { type: 'ephemeral' } },
      { type: 'tool_use', id: 'toolu_2', name: 'f', input: {} },
      { type: 'tool_use', id: 'toolu_3', name: 'f', input: {} },
    ])
    expect(built.body.messages[2]!.content[1]).toEqual({ type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: 'r' }], is_error: true })
    expect(built.body.messages[2]!.content[2]).toMatchObject({ cache_control: { type: 'ephemeral' } })
    expect(warningTexts(built)).toEqual([expect.stringContaining('toolu_2 (f) are not a JSON object')])
  })

  test('a user turn and the tool turn after it become one user turn, tool results first', () => {
    const built = build({
      messages: [
        user('go'),
        { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'toolu_1', toolName: 'f', kind: 'function', input: '{}' }] },
        user('while you wait'),
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'toolu_1', kind: 'function', content: [] }] },
      ],
    })
    expect(built.body.messages[2]).toEqual({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1' }, { type: 'text', text: 'while you wait' }] })
  })

  test('images and documents by source; unreadable document types are dropped with a warning', () => {
    const built = build({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' }, detail: 'high' },
            { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, filename: 'a.pdf', citations: true },
            { type: 'document', source: { type: 'base64', mediaType: 'text/plain', data: Buffer.from('notes').toString('base64') }, title: 'Notes' },
            { type: 'document', source: { type: 'file-id', fileId: 'file_1' }, context: 'ctx' },
            { type: 'document', source: { type: 'base64', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: 'UEs=' } },
          ],
        },
      ],
    })
    expect(built.body.messages[0]!.content).toEqual([
      { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: 'a.pdf', citations: { enabled: true } },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'notes' }, title: 'Notes' },
      { type: 'document', source: { type: 'file', file_id: 'file_1' }, context: 'ctx' },
    ])
    expect(warningTexts(built)).toEqual([expect.stringContaining('"high" was ignored'), expect.stringContaining('wordprocessingml.document document was dropped')])
  })

  test('reasoning replay: signed and redacted Anthropic blocks pass, unsigned ones and a trailing thought do not', () => {
    const origin = { dialect: 'anthropic' as const }
    const built = build({
      messages: [
        user('a'),
        { role: 'assistant', content: [{ type: 'reasoning', text: '', redactedData: 'Em…', origin }, { type: 'reasoning', text: 'unsigned', origin }, { type: 'text', text: 'x' }] },
        user('b'),
        { role: 'assistant', content: [{ type: 'reasoning', text: 't', signature: 'sig', origin }, { type: 'text', text: '' }] },
      ],
    })
    expect(built.body.messages[1]!.content).toEqual([{ type: 'redacted_thinking', data: 'Em…' }, { type: 'text', text: 'x' }])
    expect(built.body.messages).toHaveLength(3)
    expect(warningTexts(built)).toEqual([expect.stringContaining('without a signature'), expect.stringContaining('ends in thinking')])
  })

  test('a system turn the placement rules forbid falls back to <system-reminder> even with the beta', () => {
    const built = build({ messages: [user('a'), { role: 'system', content: [{ type: 'text', text: 'rule' }] }, user('b')] }, { midConversationSystem: true })
    expect(built.body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: '<system-reminder>\nrule\n</system-reminder>' }, { type: 'text', text: 'b' }] }])
    expect(warningTexts(built)).toEqual([expect.stringContaining('does not allow one')])
  })
})

describe('request options', () => {
  test('response format, metadata, cache control and unsupported fields', () => {
    const built = build({
      responseFormat: { type: 'json-schema', name: 'title', schema: { type: 'object' } },
      user: 'user-7',
      metadata: { session: 's' },
      cacheControl: { type: 'ephemeral' },
      seed: 1,
      promptCacheKey: 'thread',
    })
    expect(built.body).toMatchObject({ output_config: { format: { type: 'json_schema', schema: { type: 'object' } } }, metadata: { user_id: 'user-7' }, cache_control: { type: 'ephemeral' } })
    expect(warningTexts(built)).toEqual([expect.stringContaining('session dropped'), expect.stringContaining('no seed'), expect.stringContaining('no prompt_cache_key')])
    expect(warningTexts(build({ responseFormat: { type: 'json-object' } }))).toEqual([expect.stringContaining('JSON-schema output only')])
  })

  test("an Anthropic client's extra fields are merged; another dialect's are named in a warning", () => {
    const extras = { context_management: { edits: [] }, output_config: { effort: 'high' }, service_tier: 'auto' }
    const merged = build({ responseFormat: { type: 'json-schema', schema: { type: 'object' } }, dialectExtras: { dialect: 'anthropic-messages', fields: extras } })
    expect(merged.body).toMatchObject({ context_management: { edits: [] }, service_tier: 'auto', output_config: { effort: 'high', format: { type: 'json_schema' } } })
    const foreign = build({ dialectExtras: { dialect: 'openai-chat', fields: { service_tier: 'flex', logprobs: true } } })
    expect(foreign.body).not.toHaveProperty('service_tier')
    expect(warningTexts(foreign)).toEqual([expect.stringContaining('service_tier, logprobs')])
  })
})

describe('stop reasons', () => {
  test.each([
    ['end_turn', { unified: 'stop', raw: 'end_turn' }],
    ['tool_use', { unified: 'tool-calls', raw: 'tool_use' }],
    ['refusal', { unified: 'content-filter', raw: 'refusal' }],
    ['pause_turn', { unified: 'other', raw: 'pause_turn' }],
    ['model_context_window_exceeded', { unified: 'other', raw: 'model_context_window_exceeded' }],
    [null, { unified: 'other' }],
  ])('%s', (stopReason, expected) => {
    expect(mapAnthropicStopReason(stopReason)).toEqual(expected)
  })
})
