import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CifMessage, CifRequest } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'
import { collectParts, summariseParts } from '../../test-support/collect-parts'
import { startDashScopeMock, type DashScopeMock } from '../../test-support/mock-upstreams/dashscope-mock'
import { createUpstreamHttpClient, type UpstreamHttpClient } from '../http/upstream-http-client'
import type { Provider, ProviderCallOptions } from '../provider-definition'
import { dashScopeProviderDefinition } from '.'
import { testInstanceSecrets } from '../../test-support/test-instance-secrets'

const apiKey = 'sk-dashscope-provider-test'
let mock: DashScopeMock
let http: UpstreamHttpClient
let provider: Provider

beforeAll(async () => {
  mock = await startDashScopeMock({ apiKey })
  http = createUpstreamHttpClient({ allowLocalEndpoints: true })
  provider = dashScopeProviderDefinition.create({ config: { id: 'ds', type: 'dashscope', baseUrl: mock.url, apiKey, priority: 0, enabled: true }, http, logger: pino({ level: 'silent' }), secrets: testInstanceSecrets() })
})
afterAll(async () => {
  await http.close()
  await mock.close()
})

const options = (): ProviderCallOptions => ({ signal: new AbortController().signal, clientHeaders: {}, requestId: 'test' })
const say = (text: string): CifMessage => ({ role: 'user', content: [{ type: 'text', text }] })
const cif = (text: string, extra: Partial<CifRequest> = {}): CifRequest => ({ model: 'qwen-plus', system: [], messages: [say(text)], stream: false, ...extra })
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the recorded upstream JSON is read loosely in assertions
const lastBody = (): any => mock.requests.at(-1)!.body
const weather = { type: 'function' as const, name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error)

describe('the wire body', () => {
  test('only what the request sets is sent (no default temperature), max_tokens, Bearer key', async () => {
    const result = await provider.generate(cif('hi', { maxOutputTokens: 100 }), options())
    expect(result.content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
    expect(lastBody()).toEqual({ model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }], max_tokens: 100 })
    expect(mock.requests.at(-1)!.headers.authorization).toBe(`Bearer ${apiKey}`)
    expect(mock.requests.at(-1)!.path).toBe('/compatible-mode/v1/chat/completions')
  })

  test('fields DashScope does not take are left out, each with a warning', async () => {
    const result = await provider.generate(cif('hi', { user: 'u-1', frequencyPenalty: 0.5, topK: 20 }), options())
    expect(lastBody()).toEqual({ model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }], top_k: 20 })
    expect(result.warnings.map((warning) => warning.type === 'unsupported' && warning.feature)).toEqual(['frequency_penalty', 'user'])
  })

  test('a cache breakpoint goes on the content part as {type: ephemeral}; a 1h TTL is dropped, warned', async () => {
    const result = await provider.generate(cif('', { system: [{ type: 'text', text: 'Be terse.', cacheControl: { type: 'ephemeral', ttl: '1h' } }], messages: [{ role: 'user', content: [{ type: 'text', text: 'CACHE', cacheControl: { type: 'ephemeral' } }] }] }), options())
    expect(lastBody().messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'Be terse.', cache_control: { type: 'ephemeral' } }] },
      { role: 'user', content: [{ type: 'text', text: 'CACHE', cache_control: { type: 'ephemeral' } }] },
    ])
    expect(result.usage.cacheReadTokens).toBe(100)
    expect(result.warnings).toEqual([expect.objectContaining({ feature: 'cache_control ttl 1h' })])
  })
})

describe('thinking', () => {
  test('an effort becomes enable_thinking + thinking_budget from the shared table, warned; no reasoning_effort', async () => {
    const result = await provider.generate(cif('WITHTHINKING', { reasoning: { effort: 'low' } }), options())
    expect(lastBody()).toMatchObject({ enable_thinking: true, thinking_budget: 4096 })
    expect(lastBody()).not.toHaveProperty('reasoning_effort')
    expect(result.content[0]).toMatchObject({ type: 'reasoning', text: expect.any(String), origin: { dialect: 'openai-chat', instanceId: 'ds' } })
    expect(result.warnings).toEqual([{ type: 'other', message: expect.stringMatching(/effort "low" sent as thinking_budget 4096/) }])
  })

  test('a budget is sent as it is; max effort and adaptive send no budget; off is enable_thinking false', async () => {
    const budget = await provider.generate(cif('hi', { reasoning: { budgetTokens: 2048 } }), options())
    expect(lastBody()).toMatchObject({ enable_thinking: true, thinking_budget: 2048 })
    expect(budget.warnings).toEqual([])
    await provider.generate(cif('hi', { reasoning: { effort: 'max' } }), options())
    expect(lastBody().enable_thinking).toBe(true)
    expect(lastBody()).not.toHaveProperty('thinking_budget')
    await provider.generate(cif('hi', { reasoning: { adaptive: true } }), options())
    expect(lastBody()).not.toHaveProperty('thinking_budget')
    const off = await provider.generate(cif('WITHTHINKING', { reasoning: { enabled: false, effort: 'none' } }), options())
    expect(lastBody().enable_thinking).toBe(false)
    expect(off.content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
  })

  test("a chat client's own enable_thinking is kept", async () => {
    await provider.generate(cif('hi', { reasoning: { effort: 'high' }, dialectExtras: { dialect: 'openai-chat', fields: { enable_thinking: false } } }), options())
    expect(lastBody().enable_thinking).toBe(false)
  })

  test('without reasoning nothing is sent, and a commercial model does not think', async () => {
    const result = await provider.generate(cif('WITHTHINKING'), options())
    expect(lastBody()).not.toHaveProperty('enable_thinking')
    expect(result.content.map((part) => part.type)).toEqual(['text'])
  })

  test('reasoning is replayed as reasoning_content in a tool loop', async () => {
    const messages: CifMessage[] = [
      say('TOOLCALL:get_weather:{"city":"Rome"}'),
      { role: 'assistant', content: [{ type: 'reasoning', text: 'I should look it up.' }, { type: 'tool-call', toolCallId: 'call_1', toolName: 'get_weather', kind: 'function', input: '{"city":"Rome"}' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', kind: 'function', content: [{ type: 'text', text: 'sunny' }] }] },
    ]
    const result = await provider.generate(cif('', { messages, tools: [weather], reasoning: { enabled: true } }), options())
    expect(lastBody().messages[1]).toMatchObject({ role: 'assistant', reasoning_content: 'I should look it up.' })
    expect(result.content).toEqual([{ type: 'text', text: 'Tool said: sunny' }])
  })

  test('a non-streaming call DashScope serves only as a stream (open-source Qwen3 thinking) is answered by one stream', async () => {
    const before = mock.requests.length
    const result = await provider.generate(cif('WITHTHINKING', { model: 'qwen3-32b' }), options())
    expect(mock.requests.slice(before).map((request) => (request.body as { stream?: boolean }).stream === true)).toEqual([false, true])
    expect(result.content.map((part) => part.type)).toEqual(['reasoning', 'text'])
    expect(result.finishReason.unified).toBe('stop')
    expect(result.usage.outputTokens).toBeGreaterThan(0)
  })

  test('a failure inside that stream rejects the call with the upstream error', async () => {
    const error = (await rejection(provider.generate(cif('WITHTHINKING MIDSTREAM_ERROR', { model: 'qwen3-32b' }), options()))) as UpstreamError
    expect(UpstreamError.isUpstreamError(error)).toBe(true)
    expect(error.message).toMatch(/internal error has occured/)
  })
})

describe('streams', () => {
  test('include_usage is asked for; reasoning and text arrive as blocks with usage at the end', async () => {
    const parts = await collectParts(await provider.stream(cif('WITHTHINKING CACHE', { stream: true, reasoning: { enabled: true } }), options()))
    const summary = summariseParts(parts)
    expect(lastBody()).toMatchObject({ stream: true, stream_options: { include_usage: true }, enable_thinking: true })
    expect(summary.reasoning.length).toBeGreaterThan(0)
    expect(summary.text).toBe('Hello from the mock upstream.')
    expect(summary.usage).toMatchObject({ cacheReadTokens: 100, reasoningTokens: expect.any(Number) })
  })

  test("tool calls streamed in DashScope's shape (continuations with an empty id) become one call each", async () => {
    const summary = summariseParts(await collectParts(await provider.stream(cif('PARALLEL_TOOLS', { stream: true, tools: [weather] }), options())))
    expect(summary.toolCalls.map((call) => [call.name, call.input])).toEqual([
      ['get_weather', '{"city":"Paris"}'],
      ['get_weather', '{"city":"London"}'],
    ])
    expect(summary.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' })
  })

  test('finish_reason "stop" next to tool calls is tool use', async () => {
    const streamed = summariseParts(await collectParts(await provider.stream(cif('TOOLCALL:get_weather:{"city":"Oslo"}', { model: 'qwen3-coder-plus', stream: true, tools: [weather] }), options())))
    expect(streamed.finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' })
    const whole = await provider.generate(cif('TOOLCALL:get_weather:{"city":"Oslo"}', { model: 'qwen3-coder-plus', tools: [weather] }), options())
    expect(whole.finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' })
  })
})

describe('errors and the rest of the API', () => {
  test("a 429 rejects with DashScope's message and Retry-After, streaming or not", async () => {
    for (const stream of [false, true]) {
      const call = stream ? provider.stream(cif('ERROR:429', { stream }), options()) : provider.generate(cif('ERROR:429'), options())
      const error = (await rejection(call)) as UpstreamError
      expect(UpstreamError.isUpstreamError(error)).toBe(true)
      expect(error).toMatchObject({ status: 429, code: 'limit_requests', message: 'Requests rate limit exceeded, please try again later.', headers: { 'retry-after': '7' } })
    }
  })

  test('a 400 from the strict mock (a thinking budget above the model limit) reaches the caller', async () => {
    const error = (await rejection(provider.generate(cif('hi', { reasoning: { budgetTokens: 100_000 } }), options()))) as UpstreamError
    expect(error).toMatchObject({ status: 400, message: 'The thinking_budget parameter must be a positive integer and not greater than 81920' })
  })

  test('models and embeddings', async () => {
    const models = await provider.listModels(options())
    expect(models.map((model) => model.id)).toContain('qwen3-vl-plus')
    const embeddings = await provider.embed!({ model: 'text-embedding-v4', input: ['one', 'two'] }, options())
    expect(embeddings.embeddings).toHaveLength(2)
  })

  test('chat clients are translated too (no passthrough), and a failing stream is retried without streaming by default', () => {
    expect(provider.passthrough).toBeUndefined()
    expect(dashScopeProviderDefinition.defaults).toEqual({ nonStreamingFallback: true })
  })
})
