import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CifAssistantPart, CifMessage, CifRequest, CifResult, CifStreamPart } from '../../cif'
import { providerConfigSchema } from '../../config/gateway-config-schema'
import { loadConfig } from '../../config/load-config'
import { StartupError } from '../../errors/startup-error'
import { UpstreamError } from '../../errors/upstream-error'
import { callOptions } from '../../test-support/call-options'
import { collectParts } from '../../test-support/collect-parts'
import { useTempDirs } from '../../test-support/temp-dir'
import { testInstanceSecrets } from '../../test-support/test-instance-secrets'
import { userText } from '../../test-support/user-text'
import type { Provider } from '../provider-definition'
import { createAntigravityProvider, defaultAntigravityModels } from './antigravity-provider'
import { startAntigravityTestKit, type AntigravityTestKit } from './start-antigravity-test-kit'

let kit: AntigravityTestKit
let provider: Provider
const account = 'translator@example.com'
beforeAll(async () => {
  kit = await startAntigravityTestKit({ cloudCode: { onboarded: [account], userProjects: ['my-own-project'] } })
  provider = (await kit.signedIn({ account })).provider
})
afterAll(() => kit.close())

const weatherTool = { type: 'function' as const, name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }
const thinkingOn = { budgetTokens: 2048 }
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the recorded upstream JSON is read loosely in assertions
type RecordedJson = any
const lastRequest = () => kit.cloudCode.requests.at(-1)!
const lastBody = () => lastRequest().body as RecordedJson
const cifRequest = (overrides: Partial<CifRequest> = {}): CifRequest => ({ model: 'mock-gemini', system: [], messages: [userText('hi')], stream: false, ...overrides })
const generate = (text: string, overrides: Partial<CifRequest> = {}) => provider.generate(cifRequest({ messages: [userText(text)], ...overrides }), callOptions())
const stream = async (text: string, overrides: Partial<CifRequest> = {}) => collectParts(await provider.stream(cifRequest({ messages: [userText(text)], stream: true, ...overrides }), callOptions()))
const textOf = (result: CifResult) => result.content.map((part) => (part.type === 'text' ? part.text : '')).join('')
const streamedText = (parts: CifStreamPart[]) => parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('')

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(UpstreamError.isUpstreamError(error), String(error)).toBe(true)
  return error as UpstreamError
}

describe('the Cloud Code envelope', () => {
  test('generate: {model, project, user_prompt_id, request} out, {response} in, converted like Gemini', async () => {
    const result = await generate('hi', { system: [{ type: 'text', text: 'Be brief.' }], maxOutputTokens: 64 })
    expect(lastRequest()).toMatchObject({ method: 'POST', path: '/v1internal:generateContent', headers: { authorization: expect.stringMatching(/^Bearer ya29\./) } })
    expect(lastBody()).toEqual({
      model: 'mock-gemini',
      project: kit.cloudCode.projectOf(account),
      user_prompt_id: 'req-test',
      request: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }], systemInstruction: { parts: [{ text: 'Be brief.' }] }, generationConfig: { maxOutputTokens: 64 } },
    })
    expect(result).toMatchObject({ id: expect.any(String), model: 'mock-gemini', finishReason: { unified: 'stop', raw: 'STOP' }, warnings: [] })
    expect(textOf(result)).toBe('Hello from the mock upstream.')
    expect(result.usage.inputTokens).toBeGreaterThan(0)
  })

  test('tools: TOOLCALL becomes a tool call; the result goes back as a functionResponse', async () => {
    const call = await generate('TOOLCALL:get_weather:{"city":"Paris"}', { tools: [weatherTool] })
    expect(call.finishReason).toEqual({ unified: 'tool-calls', raw: 'STOP' })
    expect(call.content).toEqual([{ type: 'tool-call', toolCallId: expect.any(String), toolName: 'get_weather', kind: 'function', input: '{"city":"Paris"}' }])
    expect(lastBody().request.tools[0].functionDeclarations[0].name).toBe('get_weather')
    const toolCallId = (call.content[0] as { toolCallId: string }).toolCallId
    const messages: CifMessage[] = [
      userText('TOOLCALL:get_weather:{"city":"Paris"}'),
      { role: 'assistant', content: call.content },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId, kind: 'function', content: [{ type: 'text', text: 'Sunny' }] }] },
    ]
    expect(textOf(await provider.generate(cifRequest({ tools: [weatherTool], messages }), callOptions()))).toBe('Tool said: Sunny')
  })

  test('thinking: streamed thoughts and signatures; the call signature goes back and the replica verifies it', async () => {
    const marker = 'WITHTHINKING TOOLCALL:get_weather:{"city":"Paris"}'
    const parts = await stream(marker, { tools: [weatherTool], reasoning: thinkingOn })
    expect(parts.map((part) => part.type).filter((type) => !type.endsWith('delta'))).toEqual([
      'stream-start', 'response-metadata', 'reasoning-start', 'reasoning-end', 'reasoning-start', 'reasoning-signature', 'reasoning-end', 'tool-input-start', 'tool-input-end', 'finish',
    ])
    const signature = parts.find((part) => part.type === 'reasoning-signature')!.signature
    const toolCall = parts.find((part) => part.type === 'tool-input-start')!
    const content: CifAssistantPart[] = [
      { type: 'reasoning', text: '', signature, origin: { dialect: 'gemini', instanceId: 'ag' } },
      { type: 'tool-call', toolCallId: toolCall.id, toolName: 'get_weather', kind: 'function', input: '{"city":"Paris"}' },
    ]
    const history = (assistant: CifAssistantPart[]): CifMessage[] => [userText(marker), { role: 'assistant', content: assistant }, { role: 'tool', content: [{ type: 'tool-result', toolCallId: toolCall.id, kind: 'function', content: [{ type: 'text', text: 'Sunny' }] }] }]
    const answered = await provider.generate(cifRequest({ tools: [weatherTool], reasoning: thinkingOn, messages: history(content) }), callOptions())
    expect(textOf(answered)).toBe('Tool said: Sunny')
    expect(lastBody().request.contents[1].parts).toEqual([{ functionCall: { id: toolCall.id, name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: signature }])
    const lost = await rejection(provider.generate(cifRequest({ tools: [weatherTool], reasoning: thinkingOn, messages: history(content.slice(1)) }), callOptions()))
    expect(lost.message).toMatch(/missing a thought_signature/)
  })

  test('non-streaming thinking: the thought is reasoning with its signature and origin', async () => {
    const result = await generate('WITHTHINKING', { reasoning: thinkingOn })
    expect(lastBody().request.generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } })
    expect(result.content[0]).toEqual({ type: 'reasoning', text: expect.stringContaining('think'), signature: expect.any(String), origin: { dialect: 'gemini', instanceId: 'ag' } })
  })

  test('stream: SSE from :streamGenerateContent?alt=sse, each chunk unwrapped; UNICODE split across writes arrives whole', async () => {
    const parts = await stream('UNICODE')
    expect(lastRequest()).toMatchObject({ path: '/v1internal:streamGenerateContent', query: { alt: 'sse' }, headers: { accept: 'text/event-stream' } })
    expect(streamedText(parts)).toBe('héllo wörld 🌍 日本語')
    expect(parts[1]).toMatchObject({ type: 'response-metadata', id: expect.any(String), model: 'mock-gemini' })
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } })
  })

  test('errors: status, message and Retry-After of Google’s body; in-band stream errors end the stream', async () => {
    expect(await rejection(generate('ERROR:429'))).toMatchObject({ status: 429, type: 'rate_limit', code: 'RESOURCE_EXHAUSTED', headers: { 'retry-after': '7' } })
    expect(await rejection(provider.stream(cifRequest({ messages: [userText('ERROR:503')], stream: true }), callOptions()))).toMatchObject({ status: 503, type: 'overloaded' })
    const parts = await stream('MIDSTREAM_ERROR')
    expect(streamedText(parts).length).toBeGreaterThan(0)
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { status: 503, code: 'UNAVAILABLE' } })
    const unknownModel = await rejection(generate('hi', { model: 'no-such-model' }))
    expect(unknownModel).toMatchObject({ status: 404, message: 'Requested entity was not found.' })
  })

  test('countTokens: {request: {model, contents}}, the system instruction as a leading content, tools estimated', async () => {
    const plain = await provider.countTokens!(cifRequest({ system: [{ type: 'text', text: 'sys' }] }), callOptions())
    expect(lastRequest().path).toBe('/v1internal:countTokens')
    expect(lastBody()).toEqual({ request: { model: 'models/mock-gemini', contents: [{ role: 'user', parts: [{ text: 'sys' }] }, { role: 'user', parts: [{ text: 'hi' }] }] } })
    expect(plain).toBeGreaterThan(0)
    expect(await provider.countTokens!(cifRequest({ system: [{ type: 'text', text: 'sys' }], tools: [weatherTool] }), callOptions())).toBeGreaterThan(plain)
  })

  test('listModels from fetchAvailableModels; usage is its quota report; currentToken is the bearer in use', async () => {
    const models = await provider.listModels(callOptions())
    expect(models.map((model) => model.id)).toContain('mock-gemini')
    expect(lastBody()).toEqual({ project: kit.cloudCode.projectOf(account) })
    const usage = await provider.usage!(callOptions())
    expect(usage).toMatchObject({ project: kit.cloudCode.projectOf(account), models: { 'mock-gemini': { quotaInfo: { remainingFraction: 1 } } } })
    expect(`Bearer ${await provider.currentToken!(callOptions())}`).toBe(lastRequest().headers.authorization)
  })
})

describe('the project', () => {
  test('an account without one is onboarded onto the free tier (polling the operation) once, then cached', async () => {
    const onboarding = await startAntigravityTestKit({ cloudCode: { onboardingPolls: 1 } })
    try {
      const { provider: fresh } = await onboarding.signedIn({ account: 'new@example.com' })
      await fresh.generate(cifRequest(), callOptions())
      await fresh.generate(cifRequest(), callOptions())
      expect(onboarding.cloudCode.requests.map((request) => request.path.replace(/operations\/.*/, 'operations/…'))).toEqual([
        '/v1internal:loadCodeAssist',
        '/v1internal:onboardUser',
        '/v1internal/operations/…',
        '/v1internal:generateContent',
        '/v1internal:generateContent',
      ])
      expect(onboarding.cloudCode.requests[1]!.body).toEqual({ tierId: 'free-tier', metadata: { ideType: 'IDE_UNSPECIFIED', platform: 'PLATFORM_UNSPECIFIED', pluginType: 'GEMINI' } })
      expect(onboarding.cloudCode.requests.at(-1)!.body).toMatchObject({ project: onboarding.cloudCode.projectOf('new@example.com') })
    } finally {
      await onboarding.close()
    }
  })

  test('a configured project is used as it is, without loadCodeAssist', async () => {
    const { provider: own } = await kit.signedIn({ account, config: { project: 'my-own-project' } })
    const before = kit.cloudCode.requests.length
    await own.generate(cifRequest(), callOptions())
    expect(kit.cloudCode.requests.slice(before).map((request) => request.path)).toEqual(['/v1internal:generateContent'])
    expect(lastBody().project).toBe('my-own-project')
  })

  test('an upstream without fetchAvailableModels lists the default models', async () => {
    const bare = await startAntigravityTestKit({ cloudCode: { onboarded: [account], noModelListing: true } })
    try {
      const { provider: listed } = await bare.signedIn({ account })
      expect((await listed.listModels(callOptions())).map((model) => model.id)).toEqual(defaultAntigravityModels)
    } finally {
      await bare.close()
    }
  })
})

describe('config', () => {
  const create = (entry: Record<string, unknown>) => () =>
    createAntigravityProvider({ config: providerConfigSchema.parse({ id: 'ag', type: 'antigravity', ...entry }), http: kit.http, logger: pino({ level: 'silent' }), secrets: testInstanceSecrets() })

  test('clientId and clientSecret are required; an apiKey or an unknown field is refused, by name', () => {
    expect(create({ clientSecret: 's' })).toThrow(StartupError)
    expect(create({ clientSecret: 's' })).toThrow('Provider "ag" (antigravity): clientId: required')
    expect(create({ clientId: 'c', clientSecret: 's', apiKey: 'k' })).toThrow(/apiKey: not used.*omnillm auth antigravity/)
    expect(create({ clientId: 'c', clientSecret: 's', tokenUri: 'x' })).toThrow(/Unrecognized key.*tokenUri/)
    expect(create({ clientId: 'c', clientSecret: 's', tokenUrl: 'not a url' })).toThrow(/tokenUrl/)
    expect(create({ clientId: 'c', clientSecret: 's', project: 'p', baseUrl: 'https://cloudcode.example/' })).not.toThrow()
  })

  const tempDir = useTempDirs()
  test('clientSecret may be "env:VAR", like apiKey', async () => {
    const file = join(tempDir(), 'config.json')
    writeFileSync(file, JSON.stringify({ providers: [{ id: 'ag', type: 'antigravity', clientId: 'c', clientSecret: 'env:TEST_GOOGLE_SECRET' }] }))
    const loaded = await loadConfig({ env: { TEST_GOOGLE_SECRET: 'GOCSPX-from-env' }, flags: { config: file } })
    expect(loaded.providers[0]).toMatchObject({ clientSecret: 'GOCSPX-from-env' })
    await expect(loadConfig({ env: {}, flags: { config: file } })).rejects.toThrow(/providers\.0\.clientSecret: environment variable TEST_GOOGLE_SECRET is not set/)
  })
})
