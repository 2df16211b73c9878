import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CifAssistantPart, CifMessage, CifResult, CifStreamPart } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'
import { callOptions } from '../../test-support/call-options'
import { collectParts } from '../../test-support/collect-parts'
import { userText } from '../../test-support/user-text'
import { cifRequest, startAnthropicTestKit, type AnthropicTestKit } from './start-anthropic-test-kit'

let kit: AnthropicTestKit
beforeAll(async () => {
  kit = await startAnthropicTestKit()
})
afterAll(() => kit.close())

const weatherTool = { type: 'function' as const, name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }
const thinkingOn = { budgetTokens: 2048 }
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the recorded upstream JSON is read loosely in assertions
type RecordedJson = any
const lastBody = () => kit.mock.requests.at(-1)!.body as RecordedJson

function generate(text: string, overrides: Parameters<typeof cifRequest>[0] = {}) {
  return kit.provider.generate(cifRequest({ messages: [userText(text)], ...overrides }), callOptions())
}

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(UpstreamError.isUpstreamError(error)).toBe(true)
  return error as UpstreamError
}

function textOf(result: CifResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('')
}

describe('generate, driven by the mock markers', () => {
  test('a plain answer with id, model, usage and no warnings', async () => {
    const result = await generate('hi')
    expect(result).toMatchObject({ id: expect.stringMatching(/^msg_/), model: 'mock-claude', finishReason: { unified: 'stop', raw: 'end_turn' }, warnings: [] })
    expect(textOf(result)).toBe('Hello from the mock upstream.')
    expect(result.usage.inputTokens).toBeGreaterThan(0)
    expect(result.usage.outputTokens).toBeGreaterThan(0)
  })

  test('stop reasons: MAXTOKENS → length, STOPSEQ → stop-sequence with the sequence', async () => {
    expect((await generate('MAXTOKENS')).finishReason).toEqual({ unified: 'length', raw: 'max_tokens' })
    expect((await generate('STOPSEQ', { stopSequences: ['END'] })).finishReason).toEqual({ unified: 'stop-sequence', raw: 'stop_sequence', stopSequence: 'END' })
    expect(lastBody().stop_sequences).toEqual(['END'])
  })

  test('CACHE: cached tokens are part of inputTokens', async () => {
    const plain = await generate('CACHX')
    const cached = await generate('CACHE')
    expect(cached.usage).toMatchObject({ cacheReadTokens: 100, cacheWriteTokens: 50 })
    expect(cached.usage.inputTokens).toBe(plain.usage.inputTokens! + 150)
  })

  test('TOOLCALL and PARALLEL_TOOLS become tool calls; parallelToolCalls false is honoured', async () => {
    const single = await generate('TOOLCALL:get_weather:{"city":"Paris"}', { tools: [weatherTool] })
    expect(single.finishReason.unified).toBe('tool-calls')
    expect(single.content).toEqual([{ type: 'tool-call', toolCallId: expect.stringMatching(/^toolu_/), toolName: 'get_weather', kind: 'function', input: '{"city":"Paris"}' }])
    expect((await generate('PARALLEL_TOOLS', { tools: [weatherTool] })).content).toHaveLength(2)
    expect((await generate('PARALLEL_TOOLS', { tools: [weatherTool], parallelToolCalls: false })).content).toHaveLength(1)
    expect(lastBody().tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true })
  })

  test('WITHTHINKING yields signed reasoning only when thinking is on', async () => {
    expect((await generate('WITHTHINKING')).content.map((part) => part.type)).toEqual(['text'])
    const result = await generate('WITHTHINKING', { reasoning: thinkingOn, maxOutputTokens: 4096 })
    expect(lastBody().thinking).toEqual({ type: 'enabled', budget_tokens: 2048 })
    expect(result.content[0]).toEqual({ type: 'reasoning', text: expect.any(String), signature: expect.stringMatching(/^EqMock/), origin: { dialect: 'anthropic', instanceId: 'an' } })
  })

  test('images are sent as image blocks (also inside tool results)', async () => {
    const image = { type: 'image' as const, source: { type: 'base64' as const, mediaType: 'image/png', data: 'iVBORw0KGgo=' } }
    const result = await kit.provider.generate(cifRequest({ messages: [{ role: 'user', content: [image, { type: 'text', text: 'what is this?' }] }] }), callOptions())
    expect(textOf(result)).toBe('Hello from the mock upstream. (saw 1 image(s))')
    expect(lastBody().messages[0].content[0]).toEqual({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } })
  })
})

describe('stream', () => {
  test('UNICODE split across TCP writes arrives whole', async () => {
    const parts = await collectParts(await kit.provider.stream(cifRequest({ messages: [userText('UNICODE')], stream: true }), callOptions()))
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta).join('')).toBe('héllo wörld 🌍 日本語')
    expect(parts[0]).toEqual({ type: 'stream-start', warnings: [] })
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } })
  })

  test('MIDSTREAM_ERROR: text, then an error part typed by the event', async () => {
    const parts = await collectParts(await kit.provider.stream(cifRequest({ messages: [userText('MIDSTREAM_ERROR')], stream: true }), callOptions()))
    expect(parts.some((part) => part.type === 'text-delta')).toBe(true)
    const last = parts.at(-1) as Extract<CifStreamPart, { type: 'error' }>
    expect(last.type).toBe('error')
    expect(last.error).toMatchObject({ status: 529, type: 'overloaded', code: 'overloaded_error' })
  })

  test('abort mid-stream stops reading and closes the upstream connection', async () => {
    const controller = new AbortController()
    const stream = await kit.provider.stream(cifRequest({ messages: [userText('SLOW_STREAM')], stream: true }), callOptions({ signal: controller.signal }))
    const reader = stream.getReader()
    let part = await reader.read()
    while (!part.done && part.value.type !== 'text-delta') part = await reader.read()
    const record = kit.mock.requests.at(-1)!
    controller.abort()
    await expect(reader.read()).rejects.toThrow()
    await expect.poll(() => record.aborted).toBe(true)
  })
})

describe('upstream errors reject with UpstreamError', () => {
  test('400 keeps the upstream message', async () => {
    const error = await rejection(generate('ERROR:400'))
    expect(error).toMatchObject({ status: 400, type: 'invalid_request', code: 'invalid_request_error', retryable: false })
    expect(error.message).toContain('ERROR:400')
    const validation = await rejection(kit.provider.generate(cifRequest({ messages: [userText('go'), { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'toolu_x', kind: 'function', content: [] }] }] }), callOptions()))
    expect(validation.message).toContain('unexpected `tool_use_id` found in `tool_result` blocks: toolu_x')
  })

  test('401 with a wrong key', async () => {
    const error = await rejection(kit.providerWith({ apiKey: 'sk-wrong' }).generate(cifRequest(), callOptions()))
    expect(error).toMatchObject({ status: 401, type: 'authentication', message: 'invalid x-api-key' })
  })

  test('429 keeps Retry-After; 529 is overloaded; stream() rejects before any part', async () => {
    const limited = await rejection(generate('ERROR:429'))
    expect(limited).toMatchObject({ status: 429, type: 'rate_limit', retryable: true, headers: { 'retry-after': '7' } })
    const overloaded = await rejection(kit.provider.stream(cifRequest({ messages: [userText('ERROR:529')], stream: true }), callOptions()))
    expect(overloaded).toMatchObject({ status: 529, type: 'overloaded', code: 'overloaded_error', message: 'Overloaded' })
  })
})

describe('headers', () => {
  test("x-api-key, anthropic-version and the client's anthropic-beta merged with the configured betas", async () => {
    const provider = kit.providerWith({ betas: ['files-api-2025-04-14', 'context-management-2025-06-27'] })
    await provider.generate(cifRequest(), callOptions({ clientHeaders: { 'anthropic-beta': 'context-management-2025-06-27, interleaved-thinking-2025-05-14' } }))
    const headers = kit.mock.requests.at(-1)!.headers
    expect(headers['anthropic-beta']).toBe('context-management-2025-06-27,interleaved-thinking-2025-05-14,files-api-2025-04-14')
    expect(headers['x-api-key']).toBe('sk-ant-test-kit-0123456789')
    expect(headers['anthropic-version']).toBe('2023-06-01')
  })

  test('with anthropicVersion 2026-10-21 sampling parameters are dropped with a warning (that version rejects them)', async () => {
    const result = await kit.providerWith({ anthropicVersion: '2026-10-21' }).generate(cifRequest({ temperature: 0.2 }), callOptions())
    expect(kit.mock.requests.at(-1)!.headers['anthropic-version']).toBe('2026-10-21')
    expect(lastBody().temperature).toBeUndefined()
    expect(result.warnings).toContainEqual(expect.objectContaining({ type: 'unsupported', feature: 'temperature' }))
    await generate('hi', { temperature: 0.2 })
    expect(lastBody().temperature).toBe(0.2)
  })
})

describe('round trips', () => {
  test('thinking: a streamed signature is replayed in the next request and accepted', async () => {
    const first = await collectParts(await kit.provider.stream(cifRequest({ messages: [userText('WITHTHINKING hi')], reasoning: thinkingOn, maxOutputTokens: 4096, stream: true }), callOptions()))
    const reasoning = {
      type: 'reasoning' as const,
      text: first.flatMap((part) => (part.type === 'reasoning-delta' ? [part.delta] : [])).join(''),
      signature: first.find((part) => part.type === 'reasoning-signature')!.signature,
      origin: (first.find((part) => part.type === 'reasoning-start') as { origin: { dialect: 'anthropic' } }).origin,
    }
    const answer = first.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('')
    const history = (thinking: CifAssistantPart): CifMessage[] => [userText('WITHTHINKING hi'), { role: 'assistant', content: [thinking, { type: 'text', text: answer }] }, userText('thanks')]
    const second = await kit.provider.generate(cifRequest({ messages: history(reasoning), reasoning: thinkingOn, maxOutputTokens: 4096 }), callOptions())
    expect(second.warnings).toEqual([])
    expect(lastBody().messages[1].content[0]).toEqual({ type: 'thinking', thinking: reasoning.text, signature: reasoning.signature })
    const tampered = await rejection(kit.provider.generate(cifRequest({ messages: history({ ...reasoning, text: `${reasoning.text}!` }), reasoning: thinkingOn, maxOutputTokens: 4096 }), callOptions()))
    expect(tampered.message).toBe('messages.1.content.0: Invalid `signature` in `thinking` block')
  })

  test('reasoning from another dialect is dropped with a warning, and the upstream accepts the request', async () => {
    const responses: CifAssistantPart = { type: 'reasoning', text: 'summary', encryptedContent: 'gAAAA…', itemId: 'rs_1', origin: { dialect: 'openai-responses' } }
    const gemini: CifAssistantPart = { type: 'reasoning', text: 'thought', signature: 'CiQBVtmuZ0gemini', origin: { dialect: 'gemini' } }
    const messages: CifMessage[] = [userText('q'), { role: 'assistant', content: [responses, gemini, { type: 'text', text: 'a' }] }, userText('more')]
    const result = await kit.provider.generate(cifRequest({ messages, reasoning: thinkingOn, maxOutputTokens: 4096 }), callOptions())
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'reasoning replay', details: expect.stringContaining('openai-responses') }),
      expect.objectContaining({ type: 'unsupported', feature: 'reasoning replay', details: expect.stringContaining('gemini') }),
    ])
    expect(lastBody().messages[1].content).toEqual([{ type: 'text', text: 'a' }])
  })

  test('in a tool loop without a replayable thinking block, manual thinking is turned off (else the API rejects it)', async () => {
    const foreign: CifAssistantPart = { type: 'reasoning', text: 'chain', origin: { dialect: 'openai-chat' } }
    const messages: CifMessage[] = [
      userText('go'),
      { role: 'assistant', content: [foreign, { type: 'tool-call', toolCallId: 'toolu_1', toolName: 'get_weather', kind: 'function', input: '{"city":"Oslo"}' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'toolu_1', kind: 'function', content: [{ type: 'text', text: 'Rain' }] }] },
    ]
    const result = await kit.provider.generate(cifRequest({ messages, tools: [weatherTool], reasoning: thinkingOn, maxOutputTokens: 4096 }), callOptions())
    expect(textOf(result)).toBe('Tool said: Rain')
    expect(lastBody().thinking).toEqual({ type: 'disabled' })
    expect(result.warnings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('Thinking was turned off') }))
  })

  test('tool call → tool result → answer, with the result in one user turn before the follow-up text', async () => {
    const call = await generate('TOOLCALL:get_weather:{"city":"Paris"}', { tools: [weatherTool] })
    const messages: CifMessage[] = [
      userText('TOOLCALL:get_weather:{"city":"Paris"}'),
      { role: 'assistant', content: call.content },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: (call.content[0] as { toolCallId: string }).toolCallId, kind: 'function', content: [{ type: 'text', text: 'Sunny' }] }] },
      userText('and tomorrow?'),
    ]
    const answer = await kit.provider.generate(cifRequest({ messages, tools: [weatherTool] }), callOptions())
    expect(textOf(answer)).toBe('Tool said: Sunny')
    expect(lastBody().messages).toHaveLength(3)
    expect(lastBody().messages[2].content.map((block: { type: string }) => block.type)).toEqual(['tool_result', 'text'])
  })

  test('custom (freeform) tools: the call comes back as kind custom with its raw text, streamed too', async () => {
    const applyPatch = { type: 'custom' as const, name: 'apply_patch', description: 'Apply a patch', format: { type: 'grammar', syntax: 'lark', definition: 'start: /.+/' } }
    const marker = 'TOOLCALL:apply_patch:{"input":"*** Begin Patch"}'
    const result = await generate(marker, { tools: [applyPatch] })
    expect(result.content).toEqual([expect.objectContaining({ type: 'tool-call', kind: 'custom', toolName: 'apply_patch', input: '*** Begin Patch' })])
    expect(lastBody().tools[0].input_schema.properties).toEqual({ input: expect.objectContaining({ type: 'string' }) })
    const parts = await collectParts(await kit.provider.stream(cifRequest({ messages: [userText(marker)], tools: [applyPatch], stream: true }), callOptions()))
    expect(parts.find((part) => part.type === 'tool-input-start')).toMatchObject({ kind: 'custom', toolName: 'apply_patch' })
    expect(parts.filter((part) => part.type === 'tool-input-delta').map((part) => part.delta)).toEqual(['*** Begin Patch'])
    const call = result.content[0] as { toolCallId: string }
    const answered = await kit.provider.generate(
      cifRequest({ tools: [applyPatch], messages: [userText(marker), { role: 'assistant', content: result.content }, { role: 'tool', content: [{ type: 'tool-result', toolCallId: call.toolCallId, kind: 'custom', content: [{ type: 'text', text: 'Done!' }] }] }] }),
      callOptions(),
    )
    expect(textOf(answered)).toBe('Tool said: Done!')
    expect(lastBody().messages[1].content[0].input).toEqual({ input: '*** Begin Patch' })
  })
})

describe('mid-conversation system messages', () => {
  const messages: CifMessage[] = [{ role: 'system', content: [{ type: 'text', text: 'Be terse.' }] }, userText('hi'), { role: 'system', content: [{ type: 'text', text: 'Answer in French.' }] }]

  test('with the client beta, a placeable one stays role system; a leading one joins the top-level system', async () => {
    const result = await kit.provider.generate(cifRequest({ system: [{ type: 'text', text: 'You are helpful.' }], messages }), callOptions({ clientHeaders: { 'anthropic-beta': 'mid-conversation-system-2026-04-07' } }))
    expect(result.warnings).toEqual([])
    expect(lastBody().system).toEqual([{ type: 'text', text: 'You are helpful.' }, { type: 'text', text: 'Be terse.' }])
    expect(lastBody().messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }, { role: 'system', content: [{ type: 'text', text: 'Answer in French.' }] }])
  })

  test('without it, the system text joins the user turn in <system-reminder> tags, with a warning', async () => {
    const result = await kit.provider.generate(cifRequest({ messages }), callOptions())
    expect(result.warnings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('<system-reminder>') }))
    expect(lastBody().messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'text', text: '<system-reminder>\nAnswer in French.\n</system-reminder>' }] }])
  })
})

describe('countTokens, passthrough and listModels', () => {
  test('countTokens posts the converted prompt without max_tokens or stream', async () => {
    const request = cifRequest({ system: [{ type: 'text', text: 'sys' }], tools: [weatherTool], temperature: 0.5, user: 'u-1' })
    const count = await kit.provider.countTokens!(request, callOptions())
    const recorded = kit.mock.requests.at(-1)!
    expect(recorded.path).toBe('/v1/messages/count_tokens')
    expect(Object.keys(recorded.body as object).sort()).toEqual(['messages', 'model', 'system', 'tools'])
    expect(count).toBe((await kit.provider.generate(request, callOptions())).usage.inputTokens)
  })

  test('passthrough forwards the client body as is, with our auth and the client betas', async () => {
    const body = { model: 'mock-claude', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }], context_management: { edits: [] } }
    const options = callOptions({ clientHeaders: { 'anthropic-beta': 'context-management-2025-06-27', 'x-api-key': 'client-key-must-not-leak' } })
    const json = await kit.provider.passthrough!({ operation: 'anthropic-messages', body, stream: false }, options)
    expect(json).toMatchObject({ status: 200, contentType: 'application/json' })
    expect(JSON.parse(await new Response(json.body).text())).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'Hello from the mock upstream.' }] })
    expect(kit.mock.requests.at(-1)!.body).toEqual(body)
    expect(kit.mock.requests.at(-1)!.headers['x-api-key']).toBe('sk-ant-test-kit-0123456789')

    const sse = await kit.provider.passthrough!({ operation: 'anthropic-messages', body: { ...body, stream: true }, stream: true }, options)
    expect(sse.contentType).toMatch(/^text\/event-stream/)
    expect(await new Response(sse.body).text()).toContain('event: message_stop')

    const counted = await kit.provider.passthrough!({ operation: 'anthropic-count-tokens', body: { model: 'mock-claude', messages: body.messages }, stream: false }, options)
    expect(JSON.parse(await new Response(counted.body).text())).toEqual({ input_tokens: expect.any(Number) })

    const rejected = await rejection(kit.provider.passthrough!({ operation: 'anthropic-messages', body: { ...body, response_format: {} }, stream: false }, options))
    expect(rejected).toMatchObject({ status: 400, message: 'response_format: Extra inputs are not permitted' })
  })

  test('listModels reads GET /v1/models', async () => {
    const models = await kit.provider.listModels(callOptions())
    expect(models.map((model) => model.id)).toEqual(['mock-claude', 'claude-opus-4-8', 'claude-sonnet-4-5', 'claude-haiku-4-5'])
    expect(models[0]).toMatchObject({ ownedBy: 'anthropic', contextWindow: 200_000, created: expect.any(Number) })
  })

  test('listModels follows has_more / last_id', async () => {
    const many = await startAnthropicTestKit({ models: Array.from({ length: 1005 }, (_, index) => `model-${index}`) })
    try {
      const models = await many.provider.listModels(callOptions())
      expect(models).toHaveLength(1005)
      expect(models.at(-1)!.id).toBe('model-1004')
      expect(many.mock.requests.map((request) => request.query)).toEqual([{ limit: '1000' }, { limit: '1000', after_id: 'model-999' }])
    } finally {
      await many.close()
    }
  })
})
