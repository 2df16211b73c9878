import pino from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CifMessage, CifRequest } from '../../cif'
import { providerConfigSchema } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'
import { collectParts, summariseParts } from '../../test-support/collect-parts'
import { startOpenAiChatMock, type OpenAiChatMock } from '../../test-support/mock-upstreams/openai-chat-mock'
import { createUpstreamHttpClient, type UpstreamHttpClient } from '../http/upstream-http-client'
import type { ProviderCallOptions } from '../provider-definition'
import { openAiCompatibleProviderDefinition } from './index'
import type { OpenAiChatQuirks } from './openai-chat-quirks'
import { createOpenAiCompatibleProvider } from './openai-compatible-provider'
import { parseOpenAiCompatibleConfig } from './parse-openai-compatible-config'
import { testInstanceSecrets } from '../../test-support/test-instance-secrets'

let mock: OpenAiChatMock
let deepSeekLike: OpenAiChatMock
let http: UpstreamHttpClient

beforeAll(async () => {
  mock = await startOpenAiChatMock()
  deepSeekLike = await startOpenAiChatMock({ acceptedExtensions: ['reasoning_content'] })
  http = createUpstreamHttpClient({ allowLocalEndpoints: true })
})
afterAll(async () => {
  await http.close()
  await Promise.all([mock.close(), deepSeekLike.close()])
})

const options = (): ProviderCallOptions => ({ signal: new AbortController().signal, clientHeaders: {}, requestId: 'wire' })
const say = (text: string): CifMessage => ({ role: 'user', content: [{ type: 'text', text }] })
const lastBody = (on: OpenAiChatMock) => on.requests.at(-1)!.body as { messages: Array<Record<string, unknown>> }

/** Claude-Code-like history: cached system, thinking, parallel calls, an image in a result, a PDF, custom tools. */
const richHistory: CifMessage[] = [
  { role: 'user', content: [{ type: 'text', text: 'Read these.', cacheControl: { type: 'ephemeral' } }, { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' } }] },
  {
    role: 'assistant',
    content: [
      { type: 'reasoning', text: 'Two reads.', signature: 'c2ln', origin: { dialect: 'anthropic' } },
      { type: 'text', text: 'Reading.' },
      { type: 'tool-call', toolCallId: 'toolu_01', toolName: 'read', kind: 'function', input: '{"path":"a"}' },
      { type: 'tool-call', toolCallId: 'toolu_02', toolName: 'shot', kind: 'function', input: '{}' },
    ],
  },
  {
    role: 'tool',
    content: [
      { type: 'tool-result', toolCallId: 'toolu_01', kind: 'function', content: [{ type: 'text', text: 'contents' }] },
      { type: 'tool-result', toolCallId: 'toolu_02', kind: 'function', content: [{ type: 'image', source: { type: 'base64', mediaType: 'image/jpeg', data: '/9j/' } }] },
    ],
  },
  { role: 'system', content: [{ type: 'text', text: 'Reminder: be brief.' }] },
  say('Summarise.'),
]

const tools: CifRequest['tools'] = [
  { type: 'function', name: 'read', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } },
  { type: 'function', name: 'shot', inputSchema: { type: 'object', properties: {} } },
  { type: 'custom', name: 'apply_patch', description: 'Apply a patch' },
]

describe('the strict mock accepts what we build', () => {
  test.each([
    ['a local server', {}],
    ['api.openai.com-like settings', { maxTokensField: 'max_completion_tokens', documentInput: true, customTools: 'native', cacheControl: 'openai-breakpoint', systemMessageRole: 'developer' }],
  ] as Array<[string, Partial<OpenAiChatQuirks>]>)('a rich history for %s', async (_name, quirks) => {
    const provider = createOpenAiCompatibleProvider({ instanceId: 'rich', baseUrl: mock.url, quirks }, { http })
    const request: CifRequest = { model: 'gpt-4o-mini', system: [{ type: 'text', text: 'You are terse.', cacheControl: { type: 'ephemeral' } }], messages: richHistory, tools, toolChoice: { type: 'auto' }, maxOutputTokens: 200, stream: true }
    const summary = summariseParts(await collectParts(await provider.stream(request, options())))
    expect(summary.error).toBeUndefined()
    expect(summary.text).toBe('Hello from the mock upstream. (saw 1 image(s))')
    expect(lastBody(mock).messages.map((message) => message.role)).toEqual([quirks.systemMessageRole ?? 'system', 'user', 'assistant', 'tool', 'tool', 'user', quirks.systemMessageRole ?? 'system', 'user'])
  })

  test('reasoning replay needs an upstream that takes it: the strict mock refuses, a DeepSeek-like one answers', async () => {
    const request: CifRequest = { model: 'deepseek-reasoner', system: [], messages: [say('q'), { role: 'assistant', content: [{ type: 'reasoning', text: 'hm' }, { type: 'text', text: 'a' }] }, say('WITHTHINKING')], stream: false }
    const strict = createOpenAiCompatibleProvider({ instanceId: 'strict', baseUrl: mock.url, quirks: { reasoningReplayField: 'reasoning_content' } }, { http })
    await expect(strict.generate(request, options())).rejects.toMatchObject({ status: 400, message: "Unknown parameter: 'messages[1].reasoning_content'." })
    const deepSeek = createOpenAiCompatibleProvider({ instanceId: 'deepseek', baseUrl: deepSeekLike.url, quirks: { reasoningReplayField: 'reasoning_content' } }, { http })
    const result = await deepSeek.generate(request, options())
    expect(result.content[0]).toMatchObject({ type: 'reasoning', origin: { dialect: 'openai-chat', instanceId: 'deepseek' } })
    expect(lastBody(deepSeekLike).messages[1]).toEqual({ role: 'assistant', content: 'a', reasoning_content: 'hm' })
  })
})

describe('custom tools sent as functions come back unwrapped', () => {
  const provider = () => createOpenAiCompatibleProvider({ instanceId: 'custom', baseUrl: mock.url }, { http })
  const request = (stream: boolean): CifRequest => ({ model: 'gpt-4o-mini', system: [], messages: [say('TOOLCALL:apply_patch:{"input":"*** Begin Patch\\n+x"}')], tools, stream })

  test('generate', async () => {
    const result = await provider().generate(request(false), options())
    expect(result.content).toEqual([{ type: 'tool-call', toolCallId: expect.any(String), toolName: 'apply_patch', kind: 'custom', input: '*** Begin Patch\n+x' }])
  })

  test('stream: one delta with the raw input, kind custom', async () => {
    const summary = summariseParts(await collectParts(await provider().stream(request(true), options())))
    expect(summary.sequence).toEqual(['stream-start', 'response-metadata', 'tool-input-start', 'tool-input-delta', 'tool-input-end', 'finish'])
    expect(summary.toolCalls).toEqual([{ id: expect.any(String), name: 'apply_patch', kind: 'custom', input: '*** Begin Patch\n+x' }])
  })
})

describe('config and definition', () => {
  const entry = (fields: Record<string, unknown>) => providerConfigSchema.parse({ id: 'local', type: 'openai-compatible', ...fields })

  test('defaults: api.openai.com, no key', () => {
    expect(parseOpenAiCompatibleConfig(entry({}))).toEqual({ instanceId: 'local', type: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', quirks: {} })
  })

  test('own fields become quirks and headers; unknown or invalid ones stop start-up with their name', () => {
    const parsed = parseOpenAiCompatibleConfig(entry({ baseUrl: 'http://localhost:8000/v1', apiKey: 'k', headers: { 'X-A': '1' }, topK: true, reasoningReplayField: 'reasoning_content' }))
    expect(parsed).toMatchObject({ baseUrl: 'http://localhost:8000/v1', apiKey: 'k', headers: { 'X-A': '1' }, quirks: { topK: true, reasoningReplayField: 'reasoning_content' } })
    expect(() => parseOpenAiCompatibleConfig(entry({ maxTokenField: 'max_tokens' }))).toThrow(StartupError)
    expect(() => parseOpenAiCompatibleConfig(entry({ maxTokenField: 'max_tokens' }))).toThrow(/maxTokenField/)
    expect(() => parseOpenAiCompatibleConfig(entry({ cacheControl: 'sometimes' }))).toThrow(/cacheControl/)
  })

  test('the definition creates a working instance', async () => {
    expect(openAiCompatibleProviderDefinition).toMatchObject({ type: 'openai-compatible', label: 'OpenAI-compatible' })
    const provider = openAiCompatibleProviderDefinition.create({ config: entry({ baseUrl: mock.url }), http, logger: pino({ level: 'silent' }), secrets: testInstanceSecrets() })
    expect([provider.id, provider.type, provider.dialect]).toEqual(['local', 'openai-compatible', 'openai-chat'])
    const result = await provider.generate({ model: 'gpt-4o-mini', system: [], messages: [say('hi')], stream: false }, options())
    expect(result.content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
  })
})
