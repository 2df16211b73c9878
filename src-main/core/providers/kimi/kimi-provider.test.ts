import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CifMessage, CifRequest } from '../../cif'
import { GatewayError } from '../../errors/gateway-error'
import { UpstreamError } from '../../errors/upstream-error'
import { collectParts, summariseParts } from '../../test-support/collect-parts'
import { startKimiMock, type KimiMock } from '../../test-support/mock-upstreams/kimi-mock'
import { createUpstreamHttpClient, type UpstreamHttpClient } from '../http/upstream-http-client'
import type { Provider, ProviderCallOptions } from '../provider-definition'
import { kimiProviderDefinition } from '.'
import { testInstanceSecrets } from '../../test-support/test-instance-secrets'

const apiKey = 'sk-kimi-provider-test'
let mock: KimiMock
let http: UpstreamHttpClient
let provider: Provider

beforeAll(async () => {
  mock = await startKimiMock({ apiKey })
  http = createUpstreamHttpClient({ allowLocalEndpoints: true })
  provider = kimiProviderDefinition.create({ config: { id: 'ki', type: 'kimi', baseUrl: mock.url, apiKey, priority: 0, enabled: true }, http, logger: pino({ level: 'silent' }), secrets: testInstanceSecrets() })
})
afterAll(async () => {
  await http.close()
  await mock.close()
})

const options = (): ProviderCallOptions => ({ signal: new AbortController().signal, clientHeaders: {}, requestId: 'test' })
const say = (text: string): CifMessage => ({ role: 'user', content: [{ type: 'text', text }] })
const cif = (text: string, extra: Partial<CifRequest> = {}): CifRequest => ({ model: 'kimi-k2.6', system: [], messages: [say(text)], stream: false, ...extra })
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the recorded upstream JSON is read loosely in assertions
const lastBody = (): any => mock.requests.at(-1)!.body
const weather = { type: 'function' as const, name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }
const features = (warnings: Array<{ type: string; feature?: string }>) => warnings.map((warning) => warning.feature)
const toolLoop = (reasoning?: string): CifMessage[] => [
  say('TOOLCALL:get_weather:{"city":"Rome"}'),
  { role: 'assistant', content: [...(reasoning ? [{ type: 'reasoning' as const, text: reasoning }] : []), { type: 'tool-call', toolCallId: 'get_weather:0', toolName: 'get_weather', kind: 'function', input: '{"city":"Rome"}' }] },
  { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'get_weather:0', kind: 'function', content: [{ type: 'text', text: 'sunny' }] }] },
]

describe('the wire body', () => {
  test('max_completion_tokens, Bearer key, nothing the request did not set', async () => {
    await provider.generate(cif('hi', { maxOutputTokens: 50 }), options())
    expect(lastBody()).toEqual({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 50 })
    expect(mock.requests.at(-1)!.headers.authorization).toBe(`Bearer ${apiKey}`)
  })

  test('kimi-* models pin sampling: other values are not sent, warned; the pinned value passes silently', async () => {
    const result = await provider.generate(cif('hi', { temperature: 0.7, topP: 0.95, presencePenalty: 0.5 }), options())
    expect(lastBody()).not.toHaveProperty('temperature')
    expect(lastBody()).not.toHaveProperty('top_p')
    expect(lastBody()).not.toHaveProperty('presence_penalty')
    expect(features(result.warnings)).toEqual(['temperature', 'presence_penalty'])
    expect(result.warnings[0]).toMatchObject({ details: 'kimi-k2.6 fixes temperature at 1; the requested 0.7 was not sent' })
    const pinned = await provider.generate(cif('hi', { temperature: 1 }), options())
    expect(pinned.warnings).toEqual([])
  })

  test('moonshot-v1 keeps sampling; a temperature above 1 is clamped, warned; JSON schema becomes JSON mode, warned', async () => {
    const result = await provider.generate(cif('hi', { model: 'moonshot-v1-8k', temperature: 1.5, topP: 0.5, responseFormat: { type: 'json-schema', schema: { type: 'object' } } }), options())
    expect(lastBody()).toMatchObject({ temperature: 1, top_p: 0.5, response_format: { type: 'json_object' } })
    expect(result.warnings).toEqual([{ type: 'other', message: 'temperature 1.5 clamped to 1 (moonshot-v1-8k takes [0, 1])' }, expect.objectContaining({ feature: 'response_format json_schema' })])
  })
})

describe('thinking per model family', () => {
  test('K2.6: off is thinking.type disabled; an effort turns it on and is warned (no depth control)', async () => {
    const off = await provider.generate(cif('WITHTHINKING', { reasoning: { enabled: false, effort: 'none' } }), options())
    expect(lastBody().thinking).toEqual({ type: 'disabled' })
    expect(off.content.map((part) => part.type)).toEqual(['text'])
    const on = await provider.generate(cif('WITHTHINKING', { reasoning: { effort: 'high' } }), options())
    expect(lastBody()).toMatchObject({ thinking: { type: 'enabled' } })
    expect(lastBody()).not.toHaveProperty('reasoning_effort')
    expect(on.content.map((part) => part.type)).toEqual(['reasoning', 'text'])
    expect(on.warnings).toEqual([expect.objectContaining({ feature: 'reasoning depth' })])
  })

  test('K2.6 thinks by default: reasoning comes back without any setting', async () => {
    const result = await provider.generate(cif('WITHTHINKING'), options())
    expect(lastBody()).not.toHaveProperty('thinking')
    expect(result.content[0]).toMatchObject({ type: 'reasoning', origin: { dialect: 'openai-chat', instanceId: 'ki' } })
  })

  test('K3: efforts map onto low/high/max (warned when approximated); it cannot stop thinking', async () => {
    const low = await provider.generate(cif('hi', { model: 'kimi-k3', reasoning: { effort: 'low' } }), options())
    expect(lastBody().reasoning_effort).toBe('low')
    expect(low.warnings).toEqual([])
    const medium = await provider.generate(cif('hi', { model: 'kimi-k3', reasoning: { effort: 'medium' } }), options())
    expect(lastBody().reasoning_effort).toBe('high')
    expect(medium.warnings).toEqual([{ type: 'other', message: 'effort "medium" sent as reasoning_effort "high" (kimi-k3 takes low, high or max)' }])
    const off = await provider.generate(cif('hi', { model: 'kimi-k3', reasoning: { enabled: false } }), options())
    expect(lastBody()).not.toHaveProperty('thinking')
    expect(features(off.warnings)).toEqual(['reasoning off'])
  })

  test('K2.7 Code always thinks: off is warned and not sent (the API refuses type=disabled)', async () => {
    const result = await provider.generate(cif('hi', { model: 'kimi-k2.7-code', reasoning: { enabled: false } }), options())
    expect(lastBody()).not.toHaveProperty('thinking')
    expect(features(result.warnings)).toEqual(['reasoning off'])
  })

  test("a chat client's own thinking field is kept, and decides whether tool turns need reasoning", async () => {
    await provider.generate(cif('', { messages: toolLoop(), tools: [weather], reasoning: { effort: 'high' }, dialectExtras: { dialect: 'openai-chat', fields: { thinking: { type: 'disabled' } } } }), options())
    expect(lastBody().thinking).toEqual({ type: 'disabled' })
    expect(lastBody().messages[1]).not.toHaveProperty('reasoning_content')
  })

  test('moonshot-v1 has no thinking: asking for it is warned', async () => {
    const result = await provider.generate(cif('hi', { model: 'moonshot-v1-8k', reasoning: { effort: 'high' } }), options())
    expect(lastBody()).not.toHaveProperty('thinking')
    expect(features(result.warnings)).toEqual(['reasoning'])
  })
})

describe('tool loops', () => {
  test('reasoning is replayed as reasoning_content', async () => {
    const result = await provider.generate(cif('', { messages: toolLoop('Look it up.'), tools: [weather] }), options())
    expect(lastBody().messages[1]).toMatchObject({ role: 'assistant', reasoning_content: 'Look it up.' })
    expect(result.content).toEqual([{ type: 'text', text: 'Tool said: sunny' }])
    expect(result.warnings).toEqual([])
  })

  test('a tool-call turn without reasoning gets an empty reasoning_content while thinking, warned; not when thinking is off', async () => {
    const thinking = await provider.generate(cif('', { messages: toolLoop(), tools: [weather] }), options())
    expect(lastBody().messages[1].reasoning_content).toBe('')
    expect(thinking.warnings).toEqual([{ type: 'other', message: expect.stringMatching(/empty reasoning_content/) }])
    await provider.generate(cif('', { messages: toolLoop(), tools: [weather], reasoning: { enabled: false } }), options())
    expect(lastBody().messages[1]).not.toHaveProperty('reasoning_content')
  })

  test('a forced tool choice while K2.6 thinks is dropped, warned; with thinking off it is kept; K3 keeps it', async () => {
    const forced = await provider.generate(cif('TOOLCALL:get_weather:{"city":"Rome"}', { tools: [weather], toolChoice: { type: 'required' } }), options())
    expect(lastBody()).not.toHaveProperty('tool_choice')
    expect(forced.warnings).toEqual([expect.objectContaining({ feature: 'tool_choice required', details: expect.stringMatching(/Turn thinking off to force a tool/) })])
    expect(forced.finishReason.unified).toBe('tool-calls')
    await provider.generate(cif('hi', { tools: [weather], toolChoice: { type: 'tool', toolName: 'get_weather' }, reasoning: { enabled: false } }), options())
    expect(lastBody().tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } })
    await provider.generate(cif('hi', { model: 'kimi-k3', tools: [weather], toolChoice: { type: 'required' } }), options())
    expect(lastBody().tool_choice).toBe('required')
  })
})

describe('streams, counting, errors', () => {
  test('a stream carries reasoning, text and usage (cached tokens in Kimi spelling)', async () => {
    const summary = summariseParts(await collectParts(await provider.stream(cif('WITHTHINKING CACHE', { stream: true }), options())))
    expect(lastBody().stream_options).toEqual({ include_usage: true })
    expect(summary.reasoning.length).toBeGreaterThan(0)
    expect(summary.text).toBe('Hello from the mock upstream.')
    expect(summary.usage).toMatchObject({ cacheReadTokens: 100, outputTokens: expect.any(Number) })
    expect(summary.finishReason).toEqual({ unified: 'stop', raw: 'stop' })
  })

  test("countTokens asks Moonshot's estimate endpoint", async () => {
    const tokens = await provider.countTokens!(cif('How many tokens is this?'), options())
    expect(tokens).toBeGreaterThan(0)
    expect(mock.requests.at(-1)).toMatchObject({ path: '/v1/tokenizers/estimate-token-count', body: { model: 'kimi-k2.6', messages: [{ role: 'user', content: 'How many tokens is this?' }] } })
  })

  test("a 429 rejects with Moonshot's message and Retry-After", async () => {
    const error = (await provider.generate(cif('ERROR:429'), options()).catch((caught: unknown) => caught)) as UpstreamError
    expect(UpstreamError.isUpstreamError(error)).toBe(true)
    expect(error).toMatchObject({ status: 429, headers: { 'retry-after': '7' }, message: expect.stringMatching(/max RPM/) })
  })
})

describe('the Anthropic-compatible endpoint', () => {
  test('Anthropic Messages bodies are forwarded to /anthropic/v1/messages with the key as a Bearer token', async () => {
    expect(provider.passthroughOperations).toEqual(['anthropic-messages'])
    const body = { model: 'kimi-k2.6', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] }
    const answer = await provider.passthrough!({ operation: 'anthropic-messages', body, stream: false }, options())
    expect(answer.status).toBe(200)
    expect(await new Response(answer.body).json()).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'Hello from the mock upstream.' }] })
    const sent = mock.requests.at(-1)!
    expect(sent).toMatchObject({ path: '/anthropic/v1/messages', body })
    expect(sent.headers.authorization).toBe(`Bearer ${apiKey}`)
    expect(sent.headers).not.toHaveProperty('x-api-key')
  })

  test('other operations are refused; anthropicEndpoint false forwards nothing', async () => {
    const refused = await provider.passthrough!({ operation: 'openai-chat', body: {}, stream: false }, options()).catch((caught: unknown) => caught)
    expect(GatewayError.isInstance(refused)).toBe(true)
    const chatOnly = kimiProviderDefinition.create({ config: { id: 'k2', type: 'kimi', baseUrl: mock.url, apiKey, anthropicEndpoint: false, priority: 0, enabled: true }, http, logger: pino({ level: 'silent' }), secrets: testInstanceSecrets() })
    expect(chatOnly.passthroughOperations).toEqual([])
  })
})
