import { request as httpRequest } from 'node:http'
import Anthropic from '@anthropic-ai/sdk'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startAnthropicMessagesMock, type AnthropicMessagesMock } from './anthropic-messages-mock'
import { signMockThinking } from './anthropic-mock-signature'

const apiKey = 'sk-ant-mock-test-0123456789'
let mock: AnthropicMessagesMock

beforeAll(async () => {
  mock = await startAnthropicMessagesMock({ apiKey })
})
afterAll(() => mock.close())

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in assertions
type ResponseJson = any
const baseHeaders = { 'content-type': 'application/json', 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' }

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${mock.url}${path}`, { method: 'POST', headers: { ...baseHeaders, ...headers }, body: JSON.stringify(body) })
  return { status: response.status, headers: response.headers, json: (await response.json()) as ResponseJson }
}

const user = (text: string) => ({ role: 'user', content: text })
const minimal = (overrides: Record<string, unknown> = {}) => ({ model: 'mock-claude', max_tokens: 256, messages: [user('hi')], ...overrides })

async function expectRejected(body: unknown, message: string | RegExp, headers: Record<string, string> = {}, path = '/v1/messages') {
  const response = await post(path, body, headers)
  expect(response.status).toBe(400)
  expect(response.json.type).toBe('error')
  expect(response.json.error.type).toBe('invalid_request_error')
  expect(response.json.error.message).toMatch(message)
}

describe('the official @anthropic-ai/sdk speaks to the mock', () => {
  const client = () => new Anthropic({ baseURL: mock.url, apiKey, maxRetries: 0 })

  test('messages.create', async () => {
    const message = await client().messages.create({ model: 'mock-claude', max_tokens: 1024, messages: [{ role: 'user', content: 'say hi' }] })
    expect(message.id).toMatch(/^msg_/)
    expect(message.content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
    expect(message.stop_reason).toBe('end_turn')
    expect(message.usage.input_tokens).toBeGreaterThan(0)
  })

  test('messages.stream().finalMessage() with thinking and a tool call', async () => {
    const message = await client()
      .messages.stream({
        model: 'mock-claude',
        max_tokens: 4096,
        thinking: { type: 'enabled', budget_tokens: 2048 },
        tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
        messages: [{ role: 'user', content: 'WITHTHINKING TOOLCALL:get_weather:{"city":"Paris"}' }],
      })
      .finalMessage()
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'tool_use'])
    const [thinking, toolUse] = message.content as [Anthropic.ThinkingBlock, Anthropic.ToolUseBlock]
    expect(thinking.signature).toBe(signMockThinking(thinking.thinking))
    expect(toolUse.id).toMatch(/^toolu_/)
    expect(toolUse.input).toEqual({ city: 'Paris' })
    expect(message.stop_reason).toBe('tool_use')
  })

  test('messages.countTokens and models.list', async () => {
    const counted = await client().messages.countTokens({ model: 'mock-claude', messages: [{ role: 'user', content: 'hi' }] })
    expect(counted.input_tokens).toBeGreaterThan(0)
    const models = []
    for await (const model of client().models.list()) models.push(model.id)
    expect(models).toContain('mock-claude')
  })

  test('an error status reaches the SDK as its typed error', async () => {
    await expect(client().messages.create({ model: 'mock-claude', max_tokens: 10, messages: [{ role: 'user', content: 'ERROR:529' }] })).rejects.toMatchObject({
      status: 529,
      error: { type: 'error', error: { type: 'overloaded_error' } },
    })
  })
})

describe('authentication and headers', () => {
  test('401 without or with a wrong x-api-key', async () => {
    for (const key of [undefined, 'sk-wrong']) {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...(key ? { 'x-api-key': key } : {}) }
      const response = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers, body: JSON.stringify(minimal()) })
      expect(response.status).toBe(401)
      expect(((await response.json()) as { error: { type: string } }).error.type).toBe('authentication_error')
    }
  })

  test('the key may travel as Authorization: Bearer (the 2026 SDKs); x-api-key wins when both are sent', async () => {
    const bearer = { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', authorization: `Bearer ${apiKey}` }
    expect((await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers: bearer, body: JSON.stringify(minimal()) })).status).toBe(200)
    const both = { ...bearer, 'x-api-key': 'sk-wrong' }
    expect((await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers: both, body: JSON.stringify(minimal()) })).status).toBe(401)
  })

  test('400 without anthropic-version; the ?beta=true query is accepted', async () => {
    const response = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': apiKey }, body: JSON.stringify(minimal()) })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('anthropic-version: header is required')
    expect((await post('/v1/messages?beta=true', minimal())).status).toBe(200)
  })
})

describe('request validation mirrors the real API', () => {
  test('required and unknown top-level fields', async () => {
    await expectRejected({ max_tokens: 10, messages: [user('hi')] }, 'model: Field required')
    await expectRejected({ model: 'm', messages: [user('hi')] }, 'max_tokens: Field required')
    await expectRejected({ model: 'm', max_tokens: 10 }, 'messages: Field required')
    await expectRejected(minimal({ response_format: { type: 'json' } }), 'response_format: Extra inputs are not permitted')
    await expectRejected(minimal({ metadata: { user_id: 'u', session: 's' } }), 'metadata.session: Extra inputs are not permitted')
  })

  test('beta-only fields need their beta header', async () => {
    const body = minimal({ context_management: { edits: [] } })
    await expectRejected(body, 'context_management: Extra inputs are not permitted')
    expect((await post('/v1/messages', body, { 'anthropic-beta': 'context-management-2025-06-27' })).status).toBe(200)
  })

  test('roles: consecutive same-role turns are merged, a system role needs the mid-conversation beta and its placement', async () => {
    expect((await post('/v1/messages', minimal({ messages: [user('a'), user('b'), { role: 'assistant', content: 'c' }, user('d')] }))).status).toBe(200)
    expect((await post('/v1/messages', minimal({ messages: [{ role: 'assistant', content: 'first' }, user('then')] }))).status).toBe(200)
    const withSystem = minimal({ messages: [user('a'), { role: 'system', content: 'be brief' }] })
    await expectRejected(withSystem, "messages.1.role: Input should be 'user' or 'assistant'")
    const beta = { 'anthropic-beta': 'mid-conversation-system-2026-04-07' }
    expect((await post('/v1/messages', withSystem, beta)).status).toBe(200)
    await expectRejected(minimal({ messages: [user('a'), { role: 'system', content: 'x' }, user('b')] }), 'must be the last message or be followed by an assistant message', beta)
    await expectRejected(minimal({ messages: [{ role: 'system', content: 'x' }, user('b')] }), 'cannot be the first message', beta)
    await expectRejected(minimal({ messages: [user('a'), { role: 'system', content: [{ type: 'image', source: { type: 'url', url: 'https://x/y.png' } }] }] }), "messages.1.content.0: Input tag 'image'", beta)
  })

  test('content blocks: unknown types, empty text, empty messages', async () => {
    await expectRejected(minimal({ messages: [{ role: 'user', content: [{ type: 'audio', data: 'x' }] }] }), "messages.0.content.0: Input tag 'audio' found using 'type' does not match")
    await expectRejected(minimal({ messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] }), 'messages: text content blocks must be non-empty')
    await expectRejected(minimal({ messages: [{ role: 'user', content: [] }] }), 'all messages must have non-empty content')
    await expectRejected(minimal({ messages: [{ role: 'user', content: [{ type: 'text', text: 'a', extra: 1 }] }] }), 'messages.0.content.0.text.extra: Extra inputs are not permitted')
    await expectRejected(minimal({ messages: [{ role: 'assistant', content: [{ type: 'image', source: { type: 'url', url: 'https://x' } }] }] }), "Input tag 'image'")
  })

  test('tool_use and tool_result must pair up, results first', async () => {
    const call = { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'f', input: {} }] }
    const result = (id: string) => ({ type: 'tool_result', tool_use_id: id, content: 'ok' })
    const tools = [{ name: 'f', input_schema: { type: 'object' } }]
    expect((await post('/v1/messages', minimal({ tools, messages: [user('go'), call, { role: 'user', content: [result('toolu_1')] }] }))).status).toBe(200)
    await expectRejected(minimal({ tools, messages: [user('go'), call, user('no result')] }), '`tool_use` ids were found without `tool_result` blocks immediately after: toolu_1')
    await expectRejected(minimal({ tools, messages: [user('go'), call, { role: 'user', content: [{ type: 'text', text: 'first' }, result('toolu_1')] }] }), 'without `tool_result` blocks immediately after')
    await expectRejected(minimal({ tools, messages: [user('go'), call, { role: 'user', content: [result('toolu_1'), result('toolu_2')] }] }), 'messages.2.content.1: unexpected `tool_use_id` found in `tool_result` blocks: toolu_2')
    await expectRejected(minimal({ tools, messages: [user('go'), { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'f', input: 'x' }] }, { role: 'user', content: [result('toolu_1')] }] }), 'messages.1.content.0.tool_use.input: Input should be a valid dictionary')
  })

  test('thinking: signatures are verified and the documented combinations rejected', async () => {
    const thinking = { type: 'enabled', budget_tokens: 1024 }
    const signed = { type: 'thinking', thinking: 'I thought.', signature: signMockThinking('I thought.') }
    const history = (block: object) => [user('q'), { role: 'assistant', content: [block, { type: 'text', text: 'answer' }] }, user('again')]
    expect((await post('/v1/messages', minimal({ max_tokens: 2048, thinking, messages: history(signed) }))).status).toBe(200)
    await expectRejected(minimal({ max_tokens: 2048, thinking, messages: history({ ...signed, thinking: 'I thought otherwise.' }) }), 'messages.1.content.0: Invalid `signature` in `thinking` block')
    await expectRejected(minimal({ max_tokens: 2048, thinking, messages: history({ type: 'thinking', thinking: 'x' }) }), 'messages.1.content.0.thinking.signature: Field required')
    await expectRejected(minimal({ max_tokens: 1024, thinking }), '`max_tokens` must be greater than `thinking.budget_tokens`')
    await expectRejected(minimal({ max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 512 } }), 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024')
    await expectRejected(minimal({ max_tokens: 4096, thinking, temperature: 0.5 }), '`temperature` may only be set to 1')
    await expectRejected(minimal({ max_tokens: 4096, thinking: { type: 'adaptive' }, top_k: 5 }), '`top_k` must be unset')
    const tools = [{ name: 'f', input_schema: { type: 'object' } }]
    await expectRejected(minimal({ max_tokens: 4096, thinking, tools, tool_choice: { type: 'any' } }), 'Thinking may not be enabled when tool_choice forces tool use.')
    const loop = [user('go'), { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'f', input: {} }] }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1' }] }]
    await expectRejected(minimal({ max_tokens: 4096, thinking, tools, messages: loop }), 'messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`')
    await expectRejected(minimal({ messages: [user('q'), { role: 'assistant', content: [{ type: 'text', text: 'a' }, signed] }, user('b')] }), 'the first block must be thinking or redacted_thinking')
  })

  test('cache_control: at most four breakpoints, valid TTLs, 1h before 5m', async () => {
    const cached = (ttl?: string) => ({ type: 'text', text: 'x', cache_control: { type: 'ephemeral', ...(ttl ? { ttl } : {}) } })
    const system = (blocks: object[]) => minimal({ system: blocks })
    expect((await post('/v1/messages', system([cached('1h'), cached(), cached(), cached()]))).status).toBe(200)
    await expectRejected(system([cached(), cached(), cached(), cached(), cached()]), 'A maximum of 4 blocks with cache_control may be provided. Found 5.')
    await expectRejected(system([cached('10m')]), "system.0.text.cache_control.ephemeral.ttl: Input should be '5m' or '1h'")
    await expectRejected(system([cached('5m'), cached('1h')]), "ttl='1h' must not come after one with ttl='5m'")
    await expectRejected(system([{ type: 'text', text: 'x', cache_control: { type: 'ephemeral', scope: 'global' } }]), 'cache_control.ephemeral.scope: Extra inputs are not permitted')
  })

  test('API version 2026-10-21 rejects sampling parameters, assistant documents and user citations', async () => {
    const v2026 = { 'anthropic-version': '2026-10-21' }
    expect((await post('/v1/messages', minimal({ temperature: 0.2 }))).status).toBe(200)
    await expectRejected(minimal({ temperature: 1 }), 'temperature: Extra inputs are not permitted', v2026)
    await expectRejected(minimal({ top_p: 0.9 }), 'top_p: Extra inputs are not permitted', v2026)
    const document = { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'notes' } }
    const assistantDocument = minimal({ messages: [user('q'), { role: 'assistant', content: [document] }, user('and?')] })
    expect((await post('/v1/messages', assistantDocument)).status).toBe(200)
    await expectRejected(assistantDocument, "messages.1.content.0: Input tag 'document'", v2026)
    const cited = minimal({ messages: [{ role: 'user', content: [{ type: 'text', text: 'quote', citations: [{ type: 'char_location' }] }] }] })
    await expectRejected(cited, 'messages.0.content.0.text.citations: citations are not accepted', v2026)
    await expectRejected(minimal(), 'anthropic-version: "2024-01-01" is not a valid version', { 'anthropic-version': '2024-01-01' })
  })

  test('count_tokens accepts only its own fields', async () => {
    const counted = await post('/v1/messages/count_tokens', { model: 'mock-claude', messages: [user('hi')] })
    expect(counted.status).toBe(200)
    expect(counted.json.input_tokens).toBeGreaterThan(0)
    await expectRejected({ model: 'mock-claude', messages: [user('hi')], max_tokens: 10 }, 'max_tokens: Extra inputs are not permitted', {}, '/v1/messages/count_tokens')
  })
})

describe('markers', () => {
  const reply = async (text: string, extra: Record<string, unknown> = {}) => (await post('/v1/messages', minimal({ messages: [user(text)], ...extra }))).json

  test('text, stop reasons, cache usage and image counting', async () => {
    expect((await reply('hello')).content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
    expect(await reply('MAXTOKENS')).toMatchObject({ stop_reason: 'max_tokens' })
    expect(await reply('STOPSEQ')).toMatchObject({ stop_reason: 'stop_sequence', stop_sequence: 'END' })
    expect((await reply('CACHE')).usage).toMatchObject({ cache_read_input_tokens: 100, cache_creation_input_tokens: 50 })
    const image = { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }
    const withImages = await post('/v1/messages', minimal({ messages: [{ role: 'user', content: [image, image, { type: 'text', text: 'look' }] }] }))
    expect(withImages.json.content[0].text).toBe('Hello from the mock upstream. (saw 2 image(s))')
  })

  test('tool calls: TOOLCALL, PARALLEL_TOOLS (one when parallel use is disabled), and the tool result echo', async () => {
    const tools = [{ name: 'get_weather', input_schema: { type: 'object' } }]
    const single = await reply('TOOLCALL:get_weather:{"city":"Rome","days":[1,2]} please', { tools })
    expect(single).toMatchObject({ stop_reason: 'tool_use', content: [{ type: 'tool_use', name: 'get_weather', input: { city: 'Rome', days: [1, 2] } }] })
    expect((await reply('PARALLEL_TOOLS', { tools })).content.map((block: { input: unknown }) => block.input)).toEqual([{ city: 'Paris' }, { city: 'London' }])
    expect((await reply('PARALLEL_TOOLS', { tools, tool_choice: { type: 'auto', disable_parallel_tool_use: true } })).content).toHaveLength(1)
    const id = single.content[0].id as string
    const answered = await post('/v1/messages', minimal({ tools, messages: [user('go'), { role: 'assistant', content: single.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: [{ type: 'text', text: 'Sunny' }] }] }] }))
    expect(answered.json.content).toEqual([{ type: 'text', text: 'Tool said: Sunny' }])
  })

  test('WITHTHINKING only when thinking is on', async () => {
    expect((await reply('WITHTHINKING')).content.map((block: { type: string }) => block.type)).toEqual(['text'])
    const thought = await reply('WITHTHINKING', { thinking: { type: 'adaptive' } })
    expect(thought.content.map((block: { type: string }) => block.type)).toEqual(['thinking', 'text'])
  })

  test('ERROR:<status> answers with the status and Anthropic error body', async () => {
    const limited = await post('/v1/messages', minimal({ messages: [user('ERROR:429')] }))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(limited.json).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } })
    expect(limited.json.request_id).toMatch(/^req_/)
    expect((await post('/v1/messages', minimal({ messages: [user('ERROR:529')] }))).json.error.type).toBe('overloaded_error')
  })

  test('MIDSTREAM_ERROR streams text, then event: error, then closes', async () => {
    const response = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers: baseHeaders, body: JSON.stringify(minimal({ stream: true, messages: [user('MIDSTREAM_ERROR')] })) })
    const text = await response.text()
    const events = [...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1])
    expect(events).toEqual(['message_start', 'content_block_start', 'ping', 'content_block_delta', 'error'])
    expect(text).toContain('"overloaded_error"')
  })

  test('UNICODE splits multi-byte characters across TCP writes', async () => {
    const chunks = await new Promise<Buffer[]>((resolve, reject) => {
      const outgoing = httpRequest(`${mock.url}/v1/messages`, { method: 'POST', headers: baseHeaders }, (response) => {
        const received: Buffer[] = []
        response.on('data', (chunk: Buffer) => received.push(chunk))
        response.on('end', () => resolve(received))
      })
      outgoing.on('error', reject)
      outgoing.end(JSON.stringify(minimal({ stream: true, messages: [user('UNICODE')] })))
    })
    const splitInsideCharacter = chunks.some((chunk) => (chunk[0]! & 0xc0) === 0x80)
    expect(splitInsideCharacter).toBe(true)
    const deltas = [...Buffer.concat(chunks).toString('utf8').matchAll(/"text":"([^"]*)"/g)].map((match) => match[1]).join('')
    expect(deltas).toBe('héllo wörld 🌍 日本語')
  })
})

describe('GET /v1/models', () => {
  test('pages with limit / after_id and reports has_more', async () => {
    const get = async (query: string) => (await (await fetch(`${mock.url}/v1/models${query}`, { headers: baseHeaders })).json()) as ResponseJson
    const first = await get('?limit=2')
    expect(first).toMatchObject({ has_more: true, first_id: 'mock-claude', last_id: 'claude-opus-4-8' })
    expect(first.data[0]).toMatchObject({ type: 'model', id: 'mock-claude' })
    const rest = await get(`?limit=10&after_id=${first.last_id}`)
    expect(rest.data.map((model: { id: string }) => model.id)).toEqual(['claude-sonnet-4-5', 'claude-haiku-4-5'])
    expect(rest.has_more).toBe(false)
  })
})
