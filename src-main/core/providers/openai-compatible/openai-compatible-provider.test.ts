import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import type { CifMessage, CifRequest } from '../../cif'
import { GatewayError } from '../../errors/gateway-error'
import { UpstreamError } from '../../errors/upstream-error'
import { collectParts, summariseParts } from '../../test-support/collect-parts'
import { startOpenAiChatMock, type OpenAiChatMock } from '../../test-support/mock-upstreams/openai-chat-mock'
import { createUpstreamHttpClient, type UpstreamHttpClient } from '../http/upstream-http-client'
import type { Provider, ProviderCallOptions } from '../provider-definition'
import { createOpenAiCompatibleProvider } from './openai-compatible-provider'

const apiKey = 'sk-provider-test'
let mock: OpenAiChatMock
let http: UpstreamHttpClient
let provider: Provider

beforeAll(async () => {
  mock = await startOpenAiChatMock({ apiKey })
  http = createUpstreamHttpClient({ allowLocalEndpoints: true })
  provider = createOpenAiCompatibleProvider({ instanceId: 'mock', baseUrl: `${mock.url}/`, apiKey, headers: { 'X-Test-Header': 'yes' } }, { http })
})
afterAll(async () => {
  await http.close()
  await mock.close()
})

const options = (signal = new AbortController().signal): ProviderCallOptions => ({ signal, clientHeaders: {}, requestId: 'test' })
const say = (text: string): CifMessage => ({ role: 'user', content: [{ type: 'text', text }] })
const cif = (text: string, extra: Partial<CifRequest> = {}): CifRequest => ({ model: 'gpt-4o-mini', system: [], messages: [say(text)], stream: false, ...extra })
const lastBody = () => mock.requests.at(-1)!.body as Record<string, unknown>
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error)

describe('generate against the mock', () => {
  test('default reply: text, metadata, usage; only what the request sets is sent', async () => {
    const result = await provider.generate(cif('hi', { system: [{ type: 'text', text: 'Be brief.' }], maxOutputTokens: 100 }), options())
    expect(result.content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'stop' })
    expect(result.id).toMatch(/^chatcmpl-/)
    expect(result.model).toBe('gpt-4o-mini')
    expect(result.usage.inputTokens).toBeGreaterThan(0)
    expect(result.usage.cacheReadTokens).toBe(0)
    expect(lastBody()).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }], max_tokens: 100 })
    const headers = mock.requests.at(-1)!.headers
    expect(headers.authorization).toBe(`Bearer ${apiKey}`)
    expect(headers['x-test-header']).toBe('yes')
    expect(headers.accept).toBe('application/json')
    expect(mock.requests.at(-1)!.path).toBe('/v1/chat/completions')
  })

  test('TOOLCALL and PARALLEL_TOOLS become tool-call parts', async () => {
    const single = await provider.generate(cif('TOOLCALL:get_weather:{"city":"Rome"}'), options())
    expect(single.content).toEqual([{ type: 'tool-call', toolCallId: expect.stringMatching(/^call_/), toolName: 'get_weather', kind: 'function', input: '{"city":"Rome"}' }])
    expect(single.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' })
    const parallel = await provider.generate(cif('PARALLEL_TOOLS'), options())
    expect(parallel.content.map((part) => part.type === 'tool-call' && part.input)).toEqual(['{"city":"Paris"}', '{"city":"London"}'])
  })

  test('WITHTHINKING, CACHE and MAXTOKENS', async () => {
    const result = await provider.generate(cif('WITHTHINKING CACHE MAXTOKENS'), options())
    expect(result.content[0]).toEqual({ type: 'reasoning', text: 'Let me think about this step by step.', origin: { dialect: 'openai-chat', instanceId: 'mock' } })
    expect(result.usage.cacheReadTokens).toBe(100)
    expect(result.usage.reasoningTokens).toBeGreaterThan(0)
    expect(result.finishReason.unified).toBe('length')
  })

  test('a tool round trip with an image in the result passes the strict mock', async () => {
    const messages: CifMessage[] = [
      say('TOOLCALL:screenshot:{}'),
      { role: 'assistant', content: [{ type: 'text', text: 'Taking one.' }, { type: 'tool-call', toolCallId: 'call_abc', toolName: 'screenshot', kind: 'function', input: '{}' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_abc', kind: 'function', content: [{ type: 'text', text: 'captured' }, { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo=' } }] }] },
    ]
    const result = await provider.generate(cif('', { messages }), options())
    // The trailing user message only carries the result's image, so the mock answers the tool.
    expect(result.content).toEqual([{ type: 'text', text: 'Tool said: captured\n\n(1 attachment(s) of this result follow in the next user message) (saw 1 image(s))' }])
    expect(result.warnings).toEqual([expect.objectContaining({ type: 'other', message: expect.stringMatching(/tool results were sent in a user message/) })])
    const sent = lastBody().messages as Array<Record<string, unknown>>
    expect(sent.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'user'])
    expect(sent[2]!.content).toBe('captured\n\n(1 attachment(s) of this result follow in the next user message)')
  })

  test('a plain tool result is answered by the mock', async () => {
    const messages: CifMessage[] = [
      say('TOOLCALL:get_weather:{}'),
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'call_w', toolName: 'get_weather', kind: 'function', input: '' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_w', kind: 'function', content: [{ type: 'text', text: 'sunny' }] }] },
    ]
    const result = await provider.generate(cif('', { messages }), options())
    expect(result.content).toEqual([{ type: 'text', text: 'Tool said: sunny' }])
    expect((lastBody().messages as Array<{ tool_calls?: unknown }>)[1]!.tool_calls).toEqual([{ id: 'call_w', type: 'function', function: { name: 'get_weather', arguments: '{}' } }])
  })

  test('quirk-tool-stop: tool calls with finish stop are tool-calls, raw kept', async () => {
    const result = await provider.generate(cif('TOOLCALL:f:{}', { model: 'quirk-tool-stop' }), options())
    expect(result.finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' })
  })
})

describe('stream against the mock', () => {
  const stream = async (text: string, extra: Partial<CifRequest> = {}) => summariseParts(await collectParts(await provider.stream(cif(text, { stream: true, ...extra }), options())))

  test('default reply: block grammar, usage from the usage chunk, include_usage always asked', async () => {
    const summary = await stream('hi')
    expect(summary.sequence).toEqual(['stream-start', 'response-metadata', 'text-start', 'text-delta×5', 'text-end', 'finish'])
    expect(summary.text).toBe('Hello from the mock upstream.')
    expect(summary.finishReason).toEqual({ unified: 'stop', raw: 'stop' })
    expect(summary.usage!.inputTokens).toBeGreaterThan(0)
    expect(lastBody()).toMatchObject({ stream: true, stream_options: { include_usage: true } })
    expect(mock.requests.at(-1)!.headers.accept).toBe('text/event-stream')
  })

  test('TOOLCALL arguments arrive in pieces and join exactly', async () => {
    const summary = await stream('TOOLCALL:edit:{"path":"a.ts","text":"x: {y}"}')
    expect(summary.sequence).toEqual(['stream-start', 'response-metadata', 'tool-input-start', 'tool-input-delta×3', 'tool-input-end', 'finish'])
    expect(summary.toolCalls).toEqual([{ id: expect.stringMatching(/^call_/), name: 'edit', kind: 'function', input: '{"path":"a.ts","text":"x: {y}"}' }])
    expect(summary.finishReason!.unified).toBe('tool-calls')
  })

  test('PARALLEL_TOOLS, WITHTHINKING, UNICODE, STOPSEQ', async () => {
    expect((await stream('PARALLEL_TOOLS')).toolCalls.map((call) => call.input)).toEqual(['{"city":"Paris"}', '{"city":"London"}'])
    const thinking = await stream('WITHTHINKING')
    expect(thinking.sequence.slice(2, 5)).toEqual(['reasoning-start', 'reasoning-delta×8', 'reasoning-end'])
    expect(thinking.reasoning).toBe('Let me think about this step by step.')
    expect((await stream('UNICODE')).text).toBe('héllo wörld 🌍 日本語')
    expect((await stream('STOPSEQ')).finishReason).toEqual({ unified: 'stop', raw: 'stop' })
  })

  test('the quirk models', async () => {
    const empty = await stream('hi', { model: 'quirk-empty-choices' })
    expect(empty.text).toBe('Hello from the mock upstream.')
    expect((await stream('TOOLCALL:f:{}', { model: 'quirk-tool-stop' })).finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' })
    expect((await stream('TOOLCALL:f:{"a":1}', { model: 'quirk-tooluse-ids' })).toolCalls[0]!.id).toMatch(/^tooluse_/)
    const first = await stream('TOOLCALL:f:{"a":1}', { model: 'quirk-args-first-chunk' })
    expect(first.sequence).toContain('tool-input-delta')
    expect(first.toolCalls[0]!.input).toBe('{"a":1}')
  })

  test('MIDSTREAM_ERROR ends the stream with an error part carrying the upstream message', async () => {
    const summary = await stream('MIDSTREAM_ERROR')
    expect(summary.text).toBe('Hello from ')
    expect(summary.finishReason).toBeUndefined()
    expect(UpstreamError.isUpstreamError(summary.error)).toBe(true)
    expect(summary.error).toMatchObject({ status: 500, message: 'The server had an error while processing your request. Sorry about that!' })
  })

  test('an upstream that answers a stream request with JSON is replayed as parts', async () => {
    const summary = await stream('TOOLCALL:f:{"a":1}', { model: 'quirk-ignores-stream' })
    expect(summary.sequence).toEqual(['stream-start', 'response-metadata', 'tool-input-start', 'tool-input-delta', 'tool-input-end', 'finish'])
    expect(summary.toolCalls[0]).toMatchObject({ name: 'f', input: '{"a":1}' })
    expect(summary.usage!.inputTokens).toBeGreaterThan(0)
  })

  test('an upstream that does not stream (quirk upstreamStreaming: false) is replayed as parts', async () => {
    const buffered = createOpenAiCompatibleProvider({ instanceId: 'buffered', baseUrl: mock.url, apiKey, quirks: { upstreamStreaming: false } }, { http })
    const summary = summariseParts(await collectParts(await buffered.stream(cif('WITHTHINKING', { stream: true }), options())))
    expect(summary.sequence).toEqual(['stream-start', 'response-metadata', 'reasoning-start', 'reasoning-delta', 'reasoning-end', 'text-start', 'text-delta', 'text-end', 'finish'])
    expect(lastBody().stream).toBeUndefined()
  })
})

describe('generate and stream agree for every marker', () => {
  const image: CifMessage = { role: 'user', content: [{ type: 'text', text: 'what is this' }, { type: 'image', source: { type: 'base64', mediaType: 'image/webp', data: 'UklGRg==' } }] }
  const cases: Array<[string, CifMessage[], string, Record<string, unknown>]> = [
    ['default', [say('hi')], 'gpt-4o-mini', { text: 'Hello from the mock upstream.', finish: 'stop' }],
    ['TOOLCALL', [say('TOOLCALL:get_weather:{"city":"Oslo"}')], 'gpt-4o-mini', { tools: ['get_weather {"city":"Oslo"}'], finish: 'tool-calls' }],
    ['PARALLEL_TOOLS', [say('PARALLEL_TOOLS')], 'gpt-4o-mini', { tools: ['get_weather {"city":"Paris"}', 'get_weather {"city":"London"}'], finish: 'tool-calls' }],
    ['WITHTHINKING', [say('WITHTHINKING')], 'gpt-4o-mini', { reasoning: 'Let me think about this step by step.', text: 'Hello from the mock upstream.' }],
    ['UNICODE', [say('UNICODE')], 'gpt-4o-mini', { text: 'héllo wörld 🌍 日本語' }],
    ['MAXTOKENS', [say('MAXTOKENS')], 'gpt-4o-mini', { finish: 'length' }],
    ['STOPSEQ', [say('STOPSEQ')], 'gpt-4o-mini', { finish: 'stop' }],
    ['CACHE', [say('CACHE')], 'gpt-4o-mini', { cacheRead: 100 }],
    ['an image', [image], 'gpt-4o-mini', { text: 'Hello from the mock upstream. (saw 1 image(s))' }],
    ['quirk-tooluse-ids', [say('TOOLCALL:f:{}')], 'quirk-tooluse-ids', { toolIdPrefix: 'tooluse_' }],
    ['quirk-empty-choices', [say('hi')], 'quirk-empty-choices', { text: 'Hello from the mock upstream.' }],
  ]

  test.each(cases)('%s', async (_name, messages, model, expected) => {
    const request = cif('', { messages, model })
    const result = await provider.generate(request, options())
    const summary = summariseParts(await collectParts(await provider.stream({ ...request, stream: true }, options())))
    const fromResult = {
      text: result.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join(''),
      reasoning: result.content.flatMap((part) => (part.type === 'reasoning' ? [part.text] : [])).join(''),
      tools: result.content.flatMap((part) => (part.type === 'tool-call' ? [`${part.toolName} ${part.input}`] : [])),
      toolIdPrefix: result.content.flatMap((part) => (part.type === 'tool-call' ? [part.toolCallId.split('_')[0] + '_'] : []))[0],
      finish: result.finishReason.unified,
      cacheRead: result.usage.cacheReadTokens,
    }
    const fromStream = {
      text: summary.text,
      reasoning: summary.reasoning,
      tools: summary.toolCalls.map((call) => `${call.name} ${call.input}`),
      toolIdPrefix: summary.toolCalls.map((call) => call.id.split('_')[0] + '_')[0],
      finish: summary.finishReason?.unified,
      cacheRead: summary.usage?.cacheReadTokens,
    }
    expect(fromStream).toEqual(fromResult)
    expect(fromResult).toMatchObject(expected)
  })
})

describe('upstream errors reject before anything streams', () => {
  test.each([
    [400, 'The mock upstream was asked to fail with 400 (ERROR:400).', undefined],
    [429, 'Rate limit reached for requests (ERROR:429). Please try again in 7s.', '7'],
    [500, 'The server had an error while processing your request. Sorry about that!', undefined],
  ])('ERROR:%i → UpstreamError with status, message and Retry-After', async (status, message, retryAfter) => {
    for (const call of [provider.generate(cif(`ERROR:${status}`), options()), provider.stream(cif(`ERROR:${status}`, { stream: true }), options())]) {
      const error = await rejection(call)
      expect(UpstreamError.isUpstreamError(error)).toBe(true)
      expect(error).toMatchObject({ status, upstreamStatus: status, message, retryable: status !== 400 })
      expect((error as UpstreamError).headers['retry-after']).toBe(retryAfter)
    }
  })

  test('a wrong key → 401 authentication with the upstream code', async () => {
    const wrong = createOpenAiCompatibleProvider({ instanceId: 'wrong', baseUrl: mock.url, apiKey: 'sk-wrong-key-0000' }, { http })
    const error = await rejection(wrong.stream(cif('hi', { stream: true }), options()))
    expect(error).toMatchObject({ status: 401, type: 'authentication', code: 'invalid_api_key', message: expect.stringMatching(/^Incorrect API key provided/) })
  })

  test('the strict mock’s own 400 keeps its message (an unknown parameter from same-dialect extras)', async () => {
    const error = await rejection(provider.generate(cif('hi', { dialectExtras: { dialect: 'openai-chat', fields: { bogus_field: 1 } } }), options()))
    expect(error).toMatchObject({ status: 400, type: 'invalid_request', message: 'Unrecognized request argument supplied: bogus_field' })
  })

  test('a closed port → connection error 502', async () => {
    const gone = createOpenAiCompatibleProvider({ instanceId: 'gone', baseUrl: 'http://127.0.0.1:9/v1' }, { http })
    expect(await rejection(gone.generate(cif('hi'), options()))).toMatchObject({ status: 502, connectionError: true })
  })
})

describe('abort', () => {
  test('aborting mid-stream closes the upstream request', async () => {
    const controller = new AbortController()
    const reader = (await provider.stream(cif('SLOW_STREAM', { stream: true }), options(controller.signal))).getReader()
    const seen: string[] = []
    while (!seen.includes('text-delta')) seen.push((await reader.read()).value!.type)
    const record = mock.requests.at(-1)!
    expect(record.clientClosed).toBe(false)
    controller.abort()
    await expect(reader.read()).rejects.toThrow()
    await vi.waitFor(() => expect(record.clientClosed).toBe(true))
  })

  test('cancelling the part stream closes the upstream request too', async () => {
    const parts = await provider.stream(cif('SLOW_STREAM', { stream: true }), options())
    const reader = parts.getReader()
    await reader.read()
    await reader.read()
    const record = mock.requests.at(-1)!
    await reader.cancel()
    await vi.waitFor(() => expect(record.clientClosed).toBe(true))
  })
})

describe('passthrough, embeddings, models', () => {
  test('passthrough forwards the body untouched and returns the upstream bytes', async () => {
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], temperature: 0.2, logprobs: false }
    const plain = await provider.passthrough!({ operation: 'openai-chat', body, stream: false }, options())
    expect(plain.status).toBe(200)
    expect(plain.contentType).toMatch(/^application\/json/)
    expect(JSON.parse(await new Response(plain.body).text()).choices[0].message.content).toBe('Hello from the mock upstream.')
    expect(lastBody()).toEqual(body)

    const streamed = await provider.passthrough!({ operation: 'openai-chat', body: { ...body, stream: true }, stream: true }, options())
    expect(streamed.contentType).toMatch(/^text\/event-stream/)
    const text = await new Response(streamed.body).text()
    expect(text.trim().endsWith('data: [DONE]')).toBe(true)
    expect(lastBody()).toEqual({ ...body, stream: true })
    expect(mock.requests.at(-1)!.headers.authorization).toBe(`Bearer ${apiKey}`)
  })

  test('passthrough errors are UpstreamErrors; other operations are refused', async () => {
    const error = await rejection(provider.passthrough!({ operation: 'openai-chat', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ERROR:429' }] }, stream: false }, options()))
    expect(error).toMatchObject({ status: 429, headers: { 'retry-after': '7' } })
    const refused = await rejection(provider.passthrough!({ operation: 'anthropic-messages', body: {}, stream: false }, options()))
    expect(GatewayError.isInstance(refused) && refused.status).toBe(400)
  })

  test('embed posts to /embeddings and keeps the order', async () => {
    const result = await provider.embed!({ model: 'text-embedding-3-small', input: ['a', 'b'], dimensions: 4 }, options())
    expect(mock.requests.at(-1)).toMatchObject({ path: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: ['a', 'b'], dimensions: 4 } })
    expect(result.embeddings).toHaveLength(2)
    expect(result.embeddings[0]).toHaveLength(4)
    expect(result.embeddings[0]).not.toEqual(result.embeddings[1])
    expect(result.inputTokens).toBeGreaterThan(0)
    expect(result.model).toBe('text-embedding-3-small')
  })

  test('listModels reads GET /models', async () => {
    const models = await provider.listModels(options())
    expect(mock.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models' })
    expect(models).toContainEqual({ id: 'gpt-4o-mini', ownedBy: 'system', created: 1721172741 })
  })
})
