import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { contracts } from '../../../src-preload/contract'
import { startAnthropicMessagesMock, type AnthropicMessagesMock } from '../test-support/mock-upstreams/anthropic-messages-mock'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { maxJsonNestingDepth } from '../http/read-json-body'
import { startTestHost, type TestHost } from '../test-support/start-test-host'
import { adminFuzzCases, deepWellFormedCases, generationEndpoints, generationFuzzCases, routeFuzzCases, type ErrorShape, type FuzzCase } from './fuzz-cases'
import { mapWithConcurrency, sendRaw, type RawAnswer } from './send-raw'

/**
 * Malformed requests against every endpoint of a real gateway (real sockets, real upstream replicas behind
 * it, so a case that slipped through validation would be served rather than refused). Each case must get a
 * 4xx in its caller's error shape within the deadline; nothing may answer 5xx or hang.
 */
const seed = 0x0a_b05e
const maxBodyBytes = 1024 * 1024
const deadlineMs = 10_000

let openAi: OpenAiChatMock
let anthropic: AnthropicMessagesMock
let gateway: TestHost

beforeAll(async () => {
  openAi = await startOpenAiChatMock()
  anthropic = await startAnthropicMessagesMock()
  gateway = await startTestHost({
    flags: { maxBodyBytes },
    config: {
      providers: [
        { id: 'oa', type: 'openai-compatible', baseUrl: openAi.url, models: ['mock-gpt', 'text-embedding-3-small'] },
        { id: 'an', type: 'anthropic', baseUrl: anthropic.url, models: ['mock-claude'] },
      ],
    },
  })
})
afterAll(async () => {
  await gateway?.close()
  await openAi?.close()
  await anthropic?.close()
})

/** Why the answer is not a refusal in `shape`, or undefined when it is one. */
function problemWith(answer: RawAnswer, shape: ErrorShape, mayServe = false, alsoAllowed: number[] = []): string | undefined {
  if (mayServe && answer.status === 200) return undefined
  if ((answer.status < 400 || answer.status > 499) && !alsoAllowed.includes(answer.status)) return `status ${answer.status}: ${answer.body.toString('utf8').slice(0, 200)}`
  if (!String(answer.headers['content-type']).startsWith('application/json')) return `content-type ${answer.headers['content-type']}`
  let body: { type?: unknown; ok?: unknown; error?: { type?: unknown; message?: unknown; code?: unknown } }
  try {
    body = JSON.parse(answer.body.toString('utf8')) as typeof body
  } catch {
    return `a body that is not JSON: ${answer.body.toString('utf8').slice(0, 200)}`
  }
  const error = body.error
  const hasMessage = typeof error?.message === 'string' && error.message.length > 0
  if (shape === 'openai' && !(hasMessage && typeof error?.type === 'string' && 'code' in error)) return `not an OpenAI error body: ${JSON.stringify(body).slice(0, 200)}`
  if (shape === 'anthropic' && !(body.type === 'error' && hasMessage && typeof error?.type === 'string')) return `not an Anthropic error body: ${JSON.stringify(body).slice(0, 200)}`
  if (shape === 'admin' && !(body.ok === false && hasMessage && typeof error?.code === 'string')) return `not an admin error envelope: ${JSON.stringify(body).slice(0, 200)}`
  return undefined
}

/** Runs the cases, a few at a time; returns one line per case that was not a proper refusal. */
async function failuresOf(cases: Array<FuzzCase & { mayServe?: boolean }>): Promise<string[]> {
  const outcomes = await mapWithConcurrency(cases, 8, async (fuzzCase) => {
    const headers: Record<string, string> = { authorization: `Bearer ${gateway.apiKey}`, 'anthropic-version': '2023-06-01' }
    if (fuzzCase.contentType) headers['content-type'] = fuzzCase.contentType
    try {
      const answer = await sendRaw(`${gateway.url}${fuzzCase.path}`, { method: fuzzCase.method, headers, body: fuzzCase.body, timeoutMs: deadlineMs })
      const problem = problemWith(answer, fuzzCase.shape, fuzzCase.mayServe, fuzzCase.alsoAllowed)
      return problem && `${fuzzCase.label}: ${problem}`
    } catch (error) {
      return `${fuzzCase.label}: ${(error as Error).message}`
    }
  })
  return outcomes.filter((outcome): outcome is string => outcome !== undefined)
}

const generationCases = generationFuzzCases(seed, maxBodyBytes)

describe('fuzz: every endpoint refuses malformed input with a 4xx in its dialect', () => {
  test('the generator is deterministic and bounded', () => {
    expect(generationFuzzCases(seed, maxBodyBytes).map((fuzzCase) => fuzzCase.label)).toEqual(generationCases.map((fuzzCase) => fuzzCase.label))
    expect(generationCases.length).toBeGreaterThan(250)
    expect(generationCases.length).toBeLessThan(600)
  })

  test.each(generationEndpoints.map((endpoint) => endpoint.path))('POST %s', async (path) => {
    const cases = generationCases.filter((fuzzCase) => fuzzCase.path === path)
    expect(await failuresOf(cases)).toEqual([])
  })

  test('POST /api/admin/<every channel>', async () => {
    const channels = Object.values(contracts).map((contract) => contract.channel)
    expect(await failuresOf(adminFuzzCases(channels, seed))).toEqual([])
  })

  test('unknown routes (/usage, /token), wrong methods, odd paths', async () => {
    expect(await failuresOf(routeFuzzCases())).toEqual([])
  })

  test('well-formed bodies nested deep where any JSON is allowed: served or refused, never a 5xx', async () => {
    // 10 000 levels: refused before parsing (it used to overflow JSON.stringify while forwarding: a 500).
    // Just under the limit: served (or refused by an upstream) on every path, passthrough and translated.
    expect(await failuresOf([...deepWellFormedCases(10_000), ...deepWellFormedCases(maxJsonNestingDepth - 12)])).toEqual([])
  })

  test('afterwards the gateway still answers, and nothing polluted Object.prototype', async () => {
    const health = await sendRaw(`${gateway.url}/health`, { headers: { authorization: `Bearer ${gateway.apiKey}` }, timeoutMs: deadlineMs })
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body.toString('utf8'))).toMatchObject({ status: 'ok' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // And a well-formed request is still served end to end.
    const served = await sendRaw(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(generationEndpoints[0]!.valid),
      timeoutMs: deadlineMs,
    })
    expect(served.status).toBe(200)
  })
})
