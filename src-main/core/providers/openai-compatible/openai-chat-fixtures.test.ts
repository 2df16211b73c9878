import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CifRequest, CifStreamPart } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'
import { collectParts, summariseParts, type StreamSummary } from '../../test-support/collect-parts'
import { startOpenAiChatMock, type OpenAiChatMock } from '../../test-support/mock-upstreams/openai-chat-mock'
import { createUpstreamHttpClient, type UpstreamHttpClient } from '../http/upstream-http-client'
import type { Provider } from '../provider-definition'
import { createOpenAiCompatibleProvider } from './openai-compatible-provider'

const fixturesDir = join(import.meta.dirname, '__fixtures__')
/** Streams that break off end without `[DONE]`, as they do on the wire. */
const withoutDone = new Set(['truncated-without-finish', 'midstream-error'])

let mock: OpenAiChatMock
let http: UpstreamHttpClient
let provider: Provider

beforeAll(async () => {
  mock = await startOpenAiChatMock({ apiKey: 'sk-fixtures' })
  http = createUpstreamHttpClient({ allowLocalEndpoints: true })
  provider = createOpenAiCompatibleProvider({ instanceId: 'fixtures', baseUrl: mock.url, apiKey: 'sk-fixtures' }, { http })
})
afterAll(async () => {
  await http.close()
  await mock.close()
})

const request: CifRequest = { model: 'gpt-4o-mini', system: [], messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: true }

async function replay(name: string): Promise<CifStreamPart[]> {
  const lines = readFileSync(join(fixturesDir, `${name}.chunks.txt`), 'utf8').split('\n').filter((line) => line !== '')
  mock.replayNextStream(lines, { done: !withoutDone.has(name) })
  return collectParts(await provider.stream(request, { signal: new AbortController().signal, clientHeaders: {}, requestId: name }))
}

/** Stable snapshot text: errors by their fields, generated `call_…` ids numbered. */
function snapshotOf(parts: CifStreamPart[]): string {
  const generated = new Map<string, string>()
  const json = JSON.stringify(
    parts.map((part) => (part.type === 'error' ? { type: 'error', error: { name: part.error.name, status: part.error.status, code: part.error.code, message: part.error.message } } : part)),
    null,
    2,
  )
  return `${json.replace(/call_[A-Za-z0-9]{24}\b/g, (id) => generated.get(id) ?? (generated.set(id, `call_<generated-${generated.size + 1}>`), generated.get(id)!))}\n`
}

const checks: Record<string, (summary: StreamSummary) => void> = {
  'openai-usage-chunk': (s) => {
    expect(s.text).toBe('Cached answer.')
    expect(s.usage).toEqual({ inputTokens: 2171, outputTokens: 37, cacheReadTokens: 2048, reasoningTokens: 12 })
  },
  'text-split-utf8': (s) => expect(s.text).toBe('Grüße aus Köln — 東京 🌸👩‍💻 ok'),
  'tool-arguments-split': (s) => {
    expect(s.sequence).toEqual(['stream-start', 'response-metadata', 'text-start', 'text-delta', 'text-end', 'tool-input-start', 'tool-input-delta×5', 'tool-input-end', 'finish'])
    expect(JSON.parse(s.toolCalls[0]!.input)).toEqual({ path: '/tmp/café.txt', content: 'line1\nline2 "quoted" ünï' })
    expect(s.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' })
  },
  'parallel-tools-interleaved': (s) => {
    expect(s.toolCalls.map((call) => [call.id, call.input])).toEqual([
      ['call_fixtureParis', '{"city":"Paris"}'],
      ['call_fixtureLondon', '{"city":"London"}'],
    ])
  },
  'azure-empty-choices': (s) => {
    expect(s.text).toBe('Filtered but fine.')
    expect(s.sequence.slice(0, 2)).toEqual(['stream-start', 'response-metadata'])
  },
  'qwen-tool-calls-finish-stop': (s) => {
    expect(s.finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' })
    expect(s.toolCalls).toEqual([{ id: 'call_0f3c2b7e9a1d4c5b', name: 'get_weather', kind: 'function', input: '{"city": "Paris"}' }])
  },
  'copilot-tooluse-ids': (s) => {
    expect(s.text).toBe('Let me check the weather.')
    expect(s.toolCalls).toEqual([{ id: 'tooluse_Xk3lQ9vRTmO2pNwYc8sAfA', name: 'get_weather', kind: 'function', input: '{"city": "Paris"}' }])
    expect(s.usage).toEqual({ inputTokens: 1542, outputTokens: 48, cacheReadTokens: 1280 })
  },
  'deepseek-reasoning-content': (s) => {
    expect(s.sequence).toEqual(['stream-start', 'response-metadata', 'reasoning-start', 'reasoning-delta×2', 'reasoning-end', 'text-start', 'text-delta×2', 'text-end', 'finish'])
    expect([s.reasoning, s.text]).toEqual(['The user greets me; answer briefly.', 'Hello!'])
    expect(s.usage).toEqual({ inputTokens: 12, outputTokens: 27, cacheReadTokens: 0, reasoningTokens: 19 })
  },
  'ollama-reasoning-field': (s) => expect([s.reasoning, s.text]).toEqual(['User says hi. Greet back.', 'Hi there']),
  'arguments-in-first-chunk': (s) => expect(s.toolCalls[0]).toEqual({ id: 'chatcmpl-tool-8c1f0e2d3b4a', name: 'get_weather', kind: 'function', input: '{"city": "Paris", "unit": "celsius"}' }),
  'gemini-missing-tool-ids': (s) => {
    expect(s.toolCalls.map((call) => call.input)).toEqual(['{"city":"Paris"}', '{"city":"London"}'])
    expect(s.toolCalls.every((call) => /^call_[A-Za-z0-9]{24}$/.test(call.id))).toBe(true)
    expect(s.toolCalls[0]!.id).not.toBe(s.toolCalls[1]!.id)
  },
  'vllm-stop-reason': (s) => expect(s.finishReason).toEqual({ unified: 'stop-sequence', raw: 'stop', stopSequence: 'END' }),
  'truncated-without-finish': (s) => {
    expect(s.text).toBe('The answer is')
    expect(s.finishReason).toBeUndefined()
    expect(UpstreamError.isUpstreamError(s.error)).toBe(true)
    expect(s.error!.message).toMatch(/ended without a finish reason/)
  },
  'midstream-error': (s) => {
    expect(s.text).toBe('Partial')
    expect(s.error).toMatchObject({ status: 500, message: 'The server had an error while processing your request. Sorry about that!' })
  },
  'invalid-json-chunk': (s) => {
    expect(s.text).toBe('Fine so far')
    expect(s.error).toMatchObject({ status: 502, code: 'upstream_stream_error' })
    expect(s.finishReason).toBeUndefined()
  },
}

describe('openai-compatible: recorded upstream streams through the mock and stream()', () => {
  const names = readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.chunks.txt'))
    .map((file) => file.replace(/\.chunks\.txt$/, ''))

  test('every fixture has its checks', () => {
    expect(names.sort()).toEqual(Object.keys(checks).sort())
  })

  test.each(names)('%s', async (name) => {
    const parts = await replay(name)
    checks[name]!(summariseParts(parts))
    await expect(snapshotOf(parts)).toMatchFileSnapshot(join(fixturesDir, `${name}.parts.json`))
  })
})
