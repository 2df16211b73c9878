import { describe, expect, test } from 'vitest'
import { encodeForeignReasoningSignature } from './foreign-reasoning-signature'
import { parseAnthropicMessagesRequest } from './parse-anthropic-messages-request'

const base = { model: 'claude-sonnet-5', max_tokens: 1024 }

function parse(body: Record<string, unknown>) {
  return parseAnthropicMessagesRequest({ ...base, ...body }, { 'anthropic-version': '2099-01-01', 'anthropic-beta': 'anything-2030-01-01' })
}

describe('top-level fields', () => {
  test('generation controls, system string, automatic caching, dialect-only and unknown fields', () => {
    const { request, warnings } = parse({
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.2,
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ['END'],
      stream: true,
      cache_control: { type: 'ephemeral', ttl: '1h' },
      service_tier: 'standard_only',
      container: 'container_1',
      mcp_servers: [{ type: 'url', url: 'https://mcp.example', name: 'docs' }],
      speed: 'fast',
    })
    expect(request).toEqual({
      model: 'claude-sonnet-5',
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      stream: true,
      maxOutputTokens: 1024,
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      stopSequences: ['END'],
      cacheControl: { type: 'ephemeral', ttl: '1h' },
      dialectExtras: {
        dialect: 'anthropic-messages',
        fields: { service_tier: 'standard_only', container: 'container_1', mcp_servers: [{ type: 'url', url: 'https://mcp.example', name: 'docs' }], speed: 'fast' },
      },
    })
    expect(warnings).toEqual([])
  })

  test.each([
    [{ type: 'enabled', budget_tokens: 2048 }, undefined, { enabled: true, budgetTokens: 2048 }],
    [{ type: 'disabled' }, undefined, { enabled: false }],
    [{ type: 'adaptive' }, 'max', { adaptive: true, effort: 'max' }],
    [undefined, 'low', { effort: 'low' }],
    [undefined, undefined, undefined],
  ])('thinking %j with effort %s → reasoning %j', (thinking, effort, reasoning) => {
    const { request } = parse({ messages: [{ role: 'user', content: 'hi' }], thinking, output_config: effort ? { effort } : undefined })
    expect(request.reasoning).toEqual(reasoning)
  })

  test('what the CIF cannot hold is reported: thinking display, between_tools, other metadata keys', () => {
    const { request, warnings } = parse({
      messages: [{ role: 'user', content: 'hi' }],
      thinking: { type: 'adaptive', display: 'omitted' },
      metadata: { user_id: 'u-1', team: 'blue' },
    })
    expect(request.user).toBe('u-1')
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'thinking.display: omitted' }),
      expect.objectContaining({ type: 'unsupported', feature: 'metadata.team' }),
    ])
    expect(parse({ messages: [{ role: 'user', content: 'hi' }], thinking: { type: 'between_tools' } }).request.reasoning).toEqual({ enabled: true })
  })
})

describe('tools', () => {
  test('custom tools keep schema, strictness, cache_control and Anthropic-only hints; server tools stay verbatim', () => {
    const webSearch = { type: 'web_search_20250305', name: 'web_search', max_uses: 3 }
    const mcp = { type: 'mcp_toolset', mcp_server_name: 'docs' }
    const { request } = parse({
      messages: [{ role: 'user', content: 'hi' }],
      tools: [
        { name: 'get_weather', description: 'Weather', input_schema: { type: 'object' }, strict: true, eager_input_streaming: true, defer_loading: false, cache_control: { type: 'ephemeral' } },
        webSearch,
        mcp,
      ],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
    })
    expect(request.tools).toEqual([
      {
        type: 'function',
        name: 'get_weather',
        description: 'Weather',
        inputSchema: { type: 'object' },
        strict: true,
        cacheControl: { type: 'ephemeral' },
        dialectOptions: { eager_input_streaming: true, defer_loading: false },
      },
      { type: 'builtin', dialect: 'anthropic', name: 'web_search', raw: webSearch },
      { type: 'builtin', dialect: 'anthropic', name: 'docs', raw: mcp },
    ])
    expect(request.toolChoice).toEqual({ type: 'required' })
    expect(request.parallelToolCalls).toBe(false)
  })

  test.each([
    [{ type: 'auto' }, { toolChoice: { type: 'auto' } }],
    [{ type: 'auto', disable_parallel_tool_use: false }, { toolChoice: { type: 'auto' }, parallelToolCalls: true }],
    [{ type: 'tool', name: 'get_weather' }, { toolChoice: { type: 'tool', toolName: 'get_weather' } }],
    [{ type: 'none' }, { toolChoice: { type: 'none' } }],
  ])('tool_choice %j', (toolChoice, expected) => {
    const { request } = parse({ messages: [{ role: 'user', content: 'hi' }], tools: [{ name: 'get_weather', input_schema: { type: 'object' } }], tool_choice: toolChoice })
    expect({ toolChoice: request.toolChoice, parallelToolCalls: request.parallelToolCalls }).toEqual({ parallelToolCalls: undefined, ...expected })
  })
})

describe('turns', () => {
  test('a user turn with tool results: a tool turn (results in order) then a user turn (the rest in order)', () => {
    const { request } = parse({
      messages: [
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'read', input: { path: 'a' } }, { type: 'tool_use', id: 'call_2', name: 'grep', input: {} }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: 'file a' },
            { type: 'text', text: 'and also' },
            { type: 'tool_result', tool_use_id: 'call_2', is_error: true, content: [{ type: 'text', text: 'no match' }] },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
          ],
        },
      ],
    })
    expect(request.messages.slice(1)).toEqual([
      {
        role: 'tool',
        content: [
          { type: 'tool-result', toolCallId: 'toolu_1', toolName: 'read', kind: 'function', content: [{ type: 'text', text: 'file a' }] },
          { type: 'tool-result', toolCallId: 'call_2', toolName: 'grep', kind: 'function', content: [{ type: 'text', text: 'no match' }], isError: true },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'and also' },
          { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
        ],
      },
    ])
  })

  test('tool results carry images, documents and search results; Anthropic-only blocks inside are reported', () => {
    const { request, warnings } = parse({
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'unknown_call',
              content: [
                { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
                { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'notes' }, title: 'Notes' },
                { type: 'search_result', source: 'https://example.com', title: 'Result', content: [{ type: 'text', text: 'one' }, { type: 'text', text: 'two' }] },
                { type: 'tool_reference', tool_name: 'grep' },
              ],
            },
          ],
        },
      ],
    })
    expect(request.messages).toEqual([
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'unknown_call',
            kind: 'function',
            content: [
              { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBOR' } },
              { type: 'document', source: { type: 'text', mediaType: 'text/plain', text: 'notes' }, title: 'Notes' },
              { type: 'document', source: { type: 'text', mediaType: 'text/plain', text: 'one\n\ntwo' }, title: 'Result', context: 'Source: https://example.com' },
            ],
          },
        ],
      },
    ])
    expect(warnings.map((warning) => (warning.type === 'unsupported' ? warning.feature : warning.message))).toEqual([
      expect.stringMatching(/^messages\.0\.content\.0\.content\.2: a search_result block became a plain-text document/),
      'messages.0.content.0.content.3: tool_reference',
    ])
  })

  test('thinking: Anthropic signatures, gateway-written empty signatures, gateway envelopes; redacted thinking', () => {
    const envelope = encodeForeignReasoningSignature({ dialect: 'openai-responses', instanceId: 'oa', encryptedContent: 'gAAA…', itemId: 'rs_1' })
    const { request } = parse({
      messages: [
        { role: 'user', content: 'hi' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'signed', signature: 'EqSig' },
            { type: 'thinking', thinking: 'unsigned', signature: '' },
            { type: 'thinking', thinking: 'from Responses', signature: envelope },
            { type: 'redacted_thinking', data: 'EncryptedBlob' },
            { type: 'text', text: 'Hello.' },
          ],
        },
      ],
    })
    expect(request.messages[1]!.content).toEqual([
      { type: 'reasoning', text: 'signed', signature: 'EqSig', origin: { dialect: 'anthropic' } },
      { type: 'reasoning', text: 'unsigned' },
      { type: 'reasoning', text: 'from Responses', origin: { dialect: 'openai-responses', instanceId: 'oa' }, encryptedContent: 'gAAA…', itemId: 'rs_1' },
      { type: 'reasoning', text: '', redactedData: 'EncryptedBlob', origin: { dialect: 'anthropic' } },
      { type: 'text', text: 'Hello.' },
    ])
  })

  test('server-tool history is dropped with a warning; a turn left empty by that is omitted; a compaction summary stays as text', () => {
    const { request, warnings } = parse({
      messages: [
        { role: 'user', content: 'search' },
        {
          role: 'assistant',
          content: [
            { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'x' } },
            { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] },
            { type: 'text', text: 'Found it.' },
          ],
        },
        { role: 'assistant', content: [{ type: 'compaction', content: 'Summary of earlier turns.' }] },
        { role: 'user', content: [{ type: 'container_upload', file_id: 'file_1' }] },
        { role: 'assistant', content: [{ type: 'mcp_tool_use', id: 'mcptoolu_1', name: 'search', server_name: 'docs', input: {} }] },
        { role: 'user', content: 'next' },
      ],
    })
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'search' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Found it.' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Summary of earlier turns.' }] },
      { role: 'user', content: [{ type: 'text', text: 'next' }] },
    ])
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'messages.1.content.0: server_tool_use' }),
      expect.objectContaining({ type: 'unsupported', feature: 'messages.1.content.1: web_search_tool_result' }),
      { type: 'other', message: 'messages.2.content.0: a compaction summary was kept as assistant text.' },
      expect.objectContaining({ type: 'unsupported', feature: 'messages.3.content.0: container_upload' }),
      expect.objectContaining({ type: 'unsupported', feature: 'messages.4.content.0: mcp_tool_use' }),
    ])
  })

  test('a mid-conversation system message in place, as a string or text blocks', () => {
    const { request } = parse({
      messages: [
        { role: 'user', content: 'one' },
        { role: 'system', content: 'agents: a, b' },
        { role: 'assistant', content: 'two' },
        { role: 'system', content: [{ type: 'text', text: 'skills', cache_control: { type: 'ephemeral' } }] },
        { role: 'user', content: 'three' },
      ],
    })
    expect(request.messages.map((message) => [message.role, message.content])).toEqual([
      ['user', [{ type: 'text', text: 'one' }]],
      ['system', [{ type: 'text', text: 'agents: a, b' }]],
      ['assistant', [{ type: 'text', text: 'two' }]],
      ['system', [{ type: 'text', text: 'skills', cacheControl: { type: 'ephemeral' } }]],
      ['user', [{ type: 'text', text: 'three' }]],
    ])
  })
})

describe('media', () => {
  test('every document and image source', () => {
    const { request, warnings } = parse({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' }, title: 'Spec', context: 'v2', citations: { enabled: true }, cache_control: { type: 'ephemeral', ttl: '5m' } },
            { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
            { type: 'document', source: { type: 'file', file_id: 'file_pdf' } },
            { type: 'document', source: { type: 'content', content: 'inline text' } },
            { type: 'document', source: { type: 'content', content: [{ type: 'text', text: 'p1' }, { type: 'image', source: { type: 'file', file_id: 'file_img' } }, { type: 'text', text: 'p2' }] } },
            { type: 'image', source: { type: 'base64', media_type: 'image/webp', data: 'UklG' } },
          ],
        },
      ],
    })
    expect(request.messages[0]!.content).toEqual([
      {
        type: 'document',
        source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBER' },
        title: 'Spec',
        context: 'v2',
        citations: true,
        cacheControl: { type: 'ephemeral', ttl: '5m' },
      },
      { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
      { type: 'document', source: { type: 'file-id', fileId: 'file_pdf' } },
      { type: 'document', source: { type: 'text', mediaType: 'text/plain', text: 'inline text' } },
      { type: 'document', source: { type: 'text', mediaType: 'text/plain', text: 'p1\n\np2' } },
      { type: 'image', source: { type: 'file-id', fileId: 'file_img' } },
      { type: 'image', source: { type: 'base64', mediaType: 'image/webp', data: 'UklG' } },
    ])
    expect(warnings).toEqual([{ type: 'other', message: expect.stringMatching(/^messages\.0\.content\.4\.source: a "content" document source became one plain-text document/) }])
  })

  test('fields without a CIF slot are reported by path, not dropped silently', () => {
    const { warnings } = parse({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'quoted', citations: [{ type: 'char_location', cited_text: 'q' }] },
            { type: 'image', source: { type: 'url', url: 'https://x/y.png' }, transformations: { resize: 'fit' } },
            { type: 'text', text: 'scoped', cache_control: { type: 'ephemeral', scope: 'global' } },
            { type: 'text', text: 'nothing to report', citations: [], cache_control: null },
          ],
        },
      ],
    })
    expect(warnings.map((warning) => warning.type === 'unsupported' && warning.feature)).toEqual([
      'messages.0.content.0.citations',
      'messages.0.content.1.transformations',
      'messages.0.content.2.cache_control.scope',
    ])
  })
})
