import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CifAssistantPart, CifMessage, CifResult, CifStreamPart } from '../../cif'
import { StartupError } from '../../errors/startup-error'
import { UpstreamError } from '../../errors/upstream-error'
import { callOptions } from '../../test-support/call-options'
import { collectParts } from '../../test-support/collect-parts'
import { userText } from '../../test-support/user-text'
import { createUpstreamHttpClient } from '../http/upstream-http-client'
import { createGeminiProvider } from './gemini-provider'
import { cifRequest, startGeminiTestKit, type GeminiTestKit } from './start-gemini-test-kit'
import { testInstanceSecrets } from '../../test-support/test-instance-secrets'

let kit: GeminiTestKit
beforeAll(async () => {
  kit = await startGeminiTestKit()
})
afterAll(() => kit.close())

const weatherTool = { type: 'function' as const, name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }
const thinkingOn = { budgetTokens: 2048 }
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the recorded upstream JSON is read loosely in assertions
type RecordedJson = any
const lastRequest = () => kit.mock.requests.at(-1)!
const lastBody = () => lastRequest().body as RecordedJson

function generate(text: string, overrides: Parameters<typeof cifRequest>[0] = {}) {
  return kit.provider.generate(cifRequest({ messages: [userText(text)], ...overrides }), callOptions())
}

async function stream(text: string, overrides: Parameters<typeof cifRequest>[0] = {}) {
  return collectParts(await kit.provider.stream(cifRequest({ messages: [userText(text)], stream: true, ...overrides }), callOptions()))
}

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(UpstreamError.isUpstreamError(error)).toBe(true)
  return error as UpstreamError
}

const textOf = (result: CifResult) => result.content.map((part) => (part.type === 'text' ? part.text : '')).join('')
const streamedText = (parts: CifStreamPart[]) => parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('')

describe('generate, driven by the mock markers', () => {
  test('a plain answer: the native endpoint, the key header, id, model, usage, no warnings', async () => {
    const result = await generate('hi', { system: [{ type: 'text', text: 'Be brief.' }] })
    expect(lastRequest()).toMatchObject({ method: 'POST', path: '/v1beta/models/mock-gemini:generateContent', headers: { 'x-goog-api-key': 'AIzaSy-gemini-test-kit-0123456789' } })
    expect(lastBody()).toEqual({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }], systemInstruction: { parts: [{ text: 'Be brief.' }] } })
    expect(result).toMatchObject({ id: expect.any(String), model: 'mock-gemini', finishReason: { unified: 'stop', raw: 'STOP' }, warnings: [] })
    expect(textOf(result)).toBe('Hello from the mock upstream.')
    expect(result.usage.inputTokens).toBeGreaterThan(0)
    expect(result.usage.outputTokens).toBeGreaterThan(0)
  })

  test('MAXTOKENS → length; STOPSEQ is a plain stop (Gemini does not name the sequence); CACHE → cached tokens inside input', async () => {
    expect((await generate('MAXTOKENS', { maxOutputTokens: 5 })).finishReason).toEqual({ unified: 'length', raw: 'MAX_TOKENS' })
    expect((await generate('STOPSEQ', { stopSequences: ['END'] })).finishReason).toEqual({ unified: 'stop', raw: 'STOP' })
    expect(lastBody().generationConfig).toEqual({ stopSequences: ['END'] })
    const cached = await generate('CACHE')
    expect(cached.usage.cacheReadTokens).toBe(100)
    expect(cached.usage.inputTokens).toBeGreaterThan(100)
  })

  test('TOOLCALL and PARALLEL_TOOLS become tool calls with the upstream ids', async () => {
    const single = await generate('TOOLCALL:get_weather:{"city":"Paris"}', { tools: [weatherTool] })
    expect(single.finishReason).toEqual({ unified: 'tool-calls', raw: 'STOP' })
    expect(single.content).toEqual([{ type: 'tool-call', toolCallId: expect.any(String), toolName: 'get_weather', kind: 'function', input: '{"city":"Paris"}' }])
    expect(lastBody().tools[0].functionDeclarations[0].parameters).toEqual({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] })
    const parallel = await generate('PARALLEL_TOOLS', { tools: [weatherTool], toolChoice: { type: 'required' } })
    expect(parallel.content.map((part) => (part.type === 'tool-call' ? part.input : ''))).toEqual(['{"city":"Paris"}', '{"city":"London"}'])
    expect(lastBody().toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY' } })
  })

  test('WITHTHINKING yields a signed thought only when thinking is on, never as text', async () => {
    expect((await generate('WITHTHINKING')).content.map((part) => part.type)).toEqual(['text'])
    const result = await generate('WITHTHINKING', { reasoning: thinkingOn })
    expect(lastBody().generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } })
    expect(result.content[0]).toEqual({ type: 'reasoning', text: expect.stringContaining('think'), signature: expect.any(String), origin: { dialect: 'gemini', instanceId: 'ge' } })
    expect(textOf(result)).toBe('Hello from the mock upstream.')
    expect(result.usage.reasoningTokens).toBeGreaterThan(0)
  })

  test('images are sent as inlineData (also inside tool results)', async () => {
    const image = { type: 'image' as const, source: { type: 'base64' as const, mediaType: 'image/png', data: 'iVBORw0KGgo=' } }
    const result = await kit.provider.generate(cifRequest({ messages: [{ role: 'user', content: [image, { type: 'text', text: 'what is this?' }] }] }), callOptions())
    expect(textOf(result)).toBe('Hello from the mock upstream. (saw 1 image(s))')
    expect(lastBody().contents[0].parts[0]).toEqual({ inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } })
    for (const model of ['mock-gemini', 'gemini-3-pro-preview']) {
      const messages: CifMessage[] = [
        userText('go'),
        { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'get_weather', kind: 'function', input: '{"city":"Oslo"}' }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', kind: 'function', content: [{ type: 'text', text: 'a map' }, image] }] },
      ]
      expect(textOf(await kit.provider.generate(cifRequest({ model, tools: [weatherTool], messages }), callOptions()))).toBe('Tool said: a map (saw 1 image(s))')
    }
  })

  test('a tool schema full of keywords Gemini rejects is accepted once sanitised', async () => {
    const inputSchema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        deprecated: { type: ['boolean', 'null'] },
        owner: { $ref: '#/definitions/Person' },
        count: { type: 'integer', exclusiveMinimum: 0 },
        tags: { type: 'array', items: { type: 'string', format: 'uri' }, uniqueItems: true },
        mode: { const: 'fast' },
        extra: { type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} },
        anything: {},
      },
      definitions: { Person: { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false } },
      additionalProperties: false,
    }
    const result = await generate('hi', { tools: [{ type: 'function', name: 'complex', inputSchema }] })
    expect(textOf(result)).toBe('Hello from the mock upstream.')
    expect(result.warnings).toEqual([expect.objectContaining({ feature: 'tool schema keywords' })])
  })
})

describe('stream', () => {
  test('SSE from :streamGenerateContent?alt=sse; UNICODE split across TCP writes arrives whole', async () => {
    const parts = await stream('UNICODE')
    expect(lastRequest()).toMatchObject({ path: '/v1beta/models/mock-gemini:streamGenerateContent', query: { alt: 'sse' }, headers: { accept: 'text/event-stream' } })
    expect(streamedText(parts)).toBe('héllo wörld 🌍 日本語')
    expect(parts[0]).toEqual({ type: 'stream-start', warnings: [] })
    expect(parts[1]).toMatchObject({ type: 'response-metadata', usage: { inputTokens: expect.any(Number) } })
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } })
  })

  test('thoughts stream as reasoning with their signature; calls as whole tool blocks', async () => {
    const parts = await stream('WITHTHINKING TOOLCALL:get_weather:{"city":"Rome"}', { tools: [weatherTool], reasoning: { effort: 'low' } })
    expect(parts.map((part) => part.type).filter((type) => !type.endsWith('delta'))).toEqual([
      'stream-start', 'response-metadata', 'reasoning-start', 'reasoning-end', 'reasoning-start', 'reasoning-signature', 'reasoning-end', 'tool-input-start', 'tool-input-end', 'finish',
    ])
    expect(parts[0]).toEqual({ type: 'stream-start', warnings: [expect.objectContaining({ message: expect.stringContaining('4096') })] })
    expect(parts.at(-1)).toMatchObject({ finishReason: { unified: 'tool-calls' } })
  })

  test('MIDSTREAM_ERROR: text, then an error part with the in-band status', async () => {
    const parts = await stream('MIDSTREAM_ERROR')
    expect(streamedText(parts).length).toBeGreaterThan(0)
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { status: 503, type: 'overloaded', code: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' } })
  })

  test('abort mid-stream stops reading and closes the upstream connection', async () => {
    const controller = new AbortController()
    const reader = (await kit.provider.stream(cifRequest({ messages: [userText('SLOW_STREAM')], stream: true }), callOptions({ signal: controller.signal }))).getReader()
    let part = await reader.read()
    while (!part.done && part.value.type !== 'text-delta') part = await reader.read()
    const record = lastRequest()
    controller.abort()
    await expect(reader.read()).rejects.toThrow()
    await expect.poll(() => record.aborted).toBe(true)
  })
})

describe('upstream errors reject with UpstreamError', () => {
  test('400 keeps the upstream message and canonical status', async () => {
    const error = await rejection(generate('ERROR:400'))
    expect(error).toMatchObject({ status: 400, type: 'invalid_request', code: 'INVALID_ARGUMENT', retryable: false })
    expect(error.message).toContain('ERROR:400')
    const unmatched = await rejection(kit.provider.generate(cifRequest({ messages: [userText('go'), { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'x', toolName: 'f', kind: 'function', content: [] }] }] }), callOptions()))
    expect(unmatched.message).toBe('Please ensure that function response turn comes immediately after a function call turn.')
  })

  test('a wrong key (400 API_KEY_INVALID upstream) is an authentication failure; no key is 403', async () => {
    expect(await rejection(kit.providerWith({ apiKey: 'AIza-wrong' }).generate(cifRequest(), callOptions()))).toMatchObject({ status: 401, type: 'authentication', code: 'API_KEY_INVALID', message: 'API key not valid. Please pass a valid API key.' })
    expect(await rejection(kit.providerWith({ apiKey: undefined }).generate(cifRequest(), callOptions()))).toMatchObject({ status: 403, type: 'permission', code: 'PERMISSION_DENIED' })
  })

  test('429 keeps Retry-After; stream() rejects before any part', async () => {
    const limited = await rejection(generate('ERROR:429'))
    expect(limited).toMatchObject({ status: 429, type: 'rate_limit', code: 'RESOURCE_EXHAUSTED', retryable: true, headers: { 'retry-after': '7' } })
    expect(await rejection(kit.provider.stream(cifRequest({ messages: [userText('ERROR:503')], stream: true }), callOptions()))).toMatchObject({ status: 503, type: 'overloaded' })
  })
})

describe('round trips', () => {
  const history = (first: CifAssistantPart[], toolCallId: string, text = 'WITHTHINKING TOOLCALL:get_weather:{"city":"Paris"}'): CifMessage[] => [
    userText(text),
    { role: 'assistant', content: first },
    { role: 'tool', content: [{ type: 'tool-result', toolCallId, kind: 'function', content: [{ type: 'text', text: 'Sunny' }] }] },
  ]

  test('tool call → result → answer; the name comes from the earlier call', async () => {
    const call = await generate('TOOLCALL:get_weather:{"city":"Paris"}', { tools: [weatherTool] })
    const toolCallId = (call.content[0] as { toolCallId: string }).toolCallId
    const answer = await kit.provider.generate(cifRequest({ tools: [weatherTool], messages: history(call.content, toolCallId, 'TOOLCALL:get_weather:{"city":"Paris"}') }), callOptions())
    expect(textOf(answer)).toBe('Tool said: Sunny')
    expect(lastBody().contents[2].parts).toEqual([{ functionResponse: { id: toolCallId, name: 'get_weather', response: { output: 'Sunny' } } }])
  })

  test('thinking: a streamed call signature goes back on its functionCall and is accepted; a lost one is refused', async () => {
    const parts = await stream('WITHTHINKING TOOLCALL:get_weather:{"city":"Paris"}', { tools: [weatherTool], reasoning: thinkingOn })
    const signature = parts.find((part) => part.type === 'reasoning-signature')!.signature
    const toolCall = parts.find((part) => part.type === 'tool-input-start')!
    const content: CifAssistantPart[] = [
      { type: 'reasoning', text: '', signature, origin: { dialect: 'gemini', instanceId: 'ge' } },
      { type: 'tool-call', toolCallId: toolCall.id, toolName: 'get_weather', kind: 'function', input: '{"city":"Paris"}' },
    ]
    const answered = await kit.provider.generate(cifRequest({ tools: [weatherTool], reasoning: thinkingOn, messages: history(content, toolCall.id) }), callOptions())
    expect(textOf(answered)).toBe('Tool said: Sunny')
    expect(answered.warnings).toEqual([])
    expect(lastBody().contents[1].parts).toEqual([{ functionCall: { id: toolCall.id, name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: signature }])
    const lost = await rejection(kit.provider.generate(cifRequest({ tools: [weatherTool], reasoning: thinkingOn, messages: history(content.slice(1), toolCall.id) }), callOptions()))
    expect(lost.message).toMatch(/^Function call is missing a thought_signature in functionCall parts\./)
    const tampered = await rejection(kit.provider.generate(cifRequest({ tools: [weatherTool], messages: history([content[0]!, { ...(content[1] as object), input: '{"city":"Rome"}' } as CifAssistantPart], toolCall.id) }), callOptions()))
    expect(tampered.message).toBe('Corrupted thought signature.')
  })

  test('Gemini 3: a call that lost its signature (a Chat Completions client, another upstream) gets the sentinel and passes', async () => {
    const call = await generate('TOOLCALL:get_weather:{"city":"Paris"}', { model: 'gemini-3-pro-preview', tools: [weatherTool], reasoning: thinkingOn })
    const toolCall = call.content.find((part) => part.type === 'tool-call')!
    const foreign: CifAssistantPart = { type: 'reasoning', text: 'thinking elsewhere', signature: 'EqAnthropic', origin: { dialect: 'anthropic' } }
    const answered = await kit.provider.generate(cifRequest({ model: 'gemini-3-pro-preview', tools: [weatherTool], reasoning: thinkingOn, messages: history([foreign, toolCall], toolCall.toolCallId) }), callOptions())
    expect(textOf(answered)).toBe('Tool said: Sunny')
    expect(lastBody().contents[1].parts).toEqual([{ functionCall: { id: toolCall.toolCallId, name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'skip_thought_signature_validator' }])
    expect(answered.warnings.map((warning) => ('feature' in warning ? warning.feature : 'sentinel'))).toEqual(['reasoning replay', 'sentinel'])
  })

  test('custom (freeform) tools: a function with one string argument; the call comes back as kind custom, streamed too', async () => {
    const applyPatch = { type: 'custom' as const, name: 'apply_patch', description: 'Apply a patch' }
    const marker = 'TOOLCALL:apply_patch:{"input":"*** Begin Patch"}'
    const result = await generate(marker, { tools: [applyPatch] })
    expect(result.content).toEqual([expect.objectContaining({ type: 'tool-call', kind: 'custom', toolName: 'apply_patch', input: '*** Begin Patch' })])
    const parts = await stream(marker, { tools: [applyPatch] })
    expect(parts.filter((part) => part.type === 'tool-input-delta').map((part) => part.delta)).toEqual(['*** Begin Patch'])
    const call = result.content[0] as { toolCallId: string }
    const answered = await kit.provider.generate(cifRequest({ tools: [applyPatch], messages: [userText(marker), { role: 'assistant', content: result.content }, { role: 'tool', content: [{ type: 'tool-result', toolCallId: call.toolCallId, kind: 'custom', content: [{ type: 'text', text: 'Done!' }] }] }] }), callOptions())
    expect(textOf(answered)).toBe('Tool said: Done!')
    expect(lastBody().contents[1].parts[0].functionCall.args).toEqual({ input: '*** Begin Patch' })
  })
})

describe('countTokens, embeddings, listModels and config', () => {
  test('countTokens sends the whole request (system and tools) and agrees with the usage of generate', async () => {
    const request = cifRequest({ system: [{ type: 'text', text: 'sys' }], tools: [weatherTool], temperature: 0.5 })
    const count = await kit.provider.countTokens!(request, callOptions())
    expect(lastRequest().path).toBe('/v1beta/models/mock-gemini:countTokens')
    expect(Object.keys(lastBody().generateContentRequest).sort()).toEqual(['contents', 'generationConfig', 'model', 'systemInstruction', 'tools'])
    expect(count).toBe((await kit.provider.generate(request, callOptions())).usage.inputTokens)
  })

  test('embeddings: one input → embedContent, more → batchEmbedContents in batches of 100, base64 on request', async () => {
    const one = await kit.provider.embed!({ model: 'gemini-embedding-001', input: ['hello'], dimensions: 8 }, callOptions())
    expect(lastRequest().path).toBe('/v1beta/models/gemini-embedding-001:embedContent')
    expect(lastBody()).toEqual({ content: { parts: [{ text: 'hello' }] }, outputDimensionality: 8 })
    expect((one.embeddings[0] as number[]).length).toBe(8)
    const before = kit.mock.requests.length
    const many = await kit.provider.embed!({ model: 'gemini-embedding-001', input: Array.from({ length: 150 }, (_, index) => (index === 149 ? 'hello' : `text ${index}`)), dimensions: 8 }, callOptions())
    expect(kit.mock.requests.slice(before).map((request) => (request.body as { requests: unknown[] }).requests.length)).toEqual([100, 50])
    expect(many.embeddings).toHaveLength(150)
    expect(many.embeddings[149]).toEqual(one.embeddings[0])
    const encoded = await kit.provider.embed!({ model: 'gemini-embedding-001', input: ['hello'], dimensions: 8, encodingFormat: 'base64' }, callOptions())
    expect(Buffer.from(encoded.embeddings[0] as string, 'base64').readFloatLE(0)).toBeCloseTo((one.embeddings[0] as number[])[0]!, 5)
    await expect(kit.provider.embed!({ model: 'gemini-embedding-001', input: [[1, 2]] }, callOptions())).rejects.toMatchObject({ status: 400, code: 'unsupported_input' })
  })

  test('listModels keeps generateContent models, strips models/, follows nextPageToken', async () => {
    expect((await kit.provider.listModels(callOptions())).map((model) => model.id)).toEqual(['mock-gemini', 'gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-3-pro-preview'])
    const many = await startGeminiTestKit({ models: [...Array.from({ length: 1200 }, (_, index) => `model-${index}`), 'gemini-embedding-001'] })
    try {
      const models = await many.provider.listModels(callOptions())
      expect(models).toHaveLength(1200)
      expect(models[0]).toEqual({ id: 'model-0', ownedBy: 'google', contextWindow: 1_048_576, version: '001' })
      expect(many.mock.requests.map((request) => request.query.pageToken !== undefined)).toEqual([false, true])
    } finally {
      await many.close()
    }
  })

  test('safetySettings are sent on every request; an unknown field stops start-up naming it', async () => {
    const safetySettings = [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }]
    await kit.providerWith({ safetySettings }).generate(cifRequest(), callOptions())
    expect(lastBody().safetySettings).toEqual(safetySettings)
    const context = { http: createUpstreamHttpClient(), logger: pino({ level: 'silent' }), secrets: testInstanceSecrets() }
    expect(() => createGeminiProvider({ ...context, config: { id: 'g2', type: 'gemini', priority: 0, enabled: true, apiVersion: 'v1' } })).toThrow(new StartupError('Provider "g2" (gemini): apiVersion: Unrecognized key: "apiVersion"'))
    expect(() => createGeminiProvider({ ...context, config: { id: 'g3', type: 'gemini', priority: 0, enabled: true, safetySettings: [{ category: 'x' }] } })).toThrow(/safetySettings\.0\.threshold/)
    await context.http.close()
  })
})
