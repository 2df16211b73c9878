import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CifStreamPart } from '../../cif'
import type { UpstreamError } from '../../errors/upstream-error'
import { callOptions } from '../../test-support/call-options'
import { collectParts } from '../../test-support/collect-parts'
import { cifRequest, startGeminiTestKit, type GeminiTestKit } from './start-gemini-test-kit'

/**
 * Recorded streamGenerateContent streams (`__fixtures__/*.chunks.txt`, one chunk per line) replayed by the
 * mock as SSE, read through the provider's stream(); the CIF parts are snapshotted. Made-up call ids
 * (`call_…`, random) are replaced by a placeholder.
 */
let kit: GeminiTestKit
beforeAll(async () => {
  kit = await startGeminiTestKit()
})
afterAll(() => kit.close())

function fixture(name: string): string[] {
  return readFileSync(join(import.meta.dirname, '__fixtures__', `${name}.chunks.txt`), 'utf8').split('\n')
}

async function replay(name: string): Promise<CifStreamPart[]> {
  kit.mock.replayNextStream(fixture(name))
  const stream = await kit.provider.stream(cifRequest({ stream: true }), callOptions())
  const parts = await collectParts(stream)
  return JSON.parse(JSON.stringify(parts.map((part) => (part.type === 'error' ? { ...part, error: describeError(part.error) } : part))).replace(/call_[0-9a-f]{24}/g, 'call_<generated>'))
}

function describeError(error: Error) {
  const upstream = error as UpstreamError
  return { name: upstream.name, status: upstream.status, type: upstream.type, code: upstream.code, message: upstream.message, retryable: upstream.retryable }
}

const deltas = (parts: CifStreamPart[], type: 'text-delta' | 'reasoning-delta' | 'tool-input-delta') => parts.flatMap((part) => (part.type === type ? [part.delta] : []))

describe('recorded Gemini streams → CIF parts', () => {
  test('text, with the response id and model, and usage', async () => {
    const parts = await replay('text')
    expect(parts[1]).toEqual({ type: 'response-metadata', id: 'Jb9hacvGD5Wbz7IPqNaH2AQ', model: 'gemini-2.5-flash', usage: { inputTokens: 8 } })
    expect(deltas(parts, 'text-delta').join('')).toBe('Hello, wörld!')
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: { unified: 'stop', raw: 'STOP' }, usage: { inputTokens: 8, outputTokens: 5 } })
    expect(parts).toMatchSnapshot()
  })

  test('thought parts are reasoning, never text; a signature on a text part comes as an empty reasoning block before it', async () => {
    const parts = await replay('thinking-text')
    expect(deltas(parts, 'reasoning-delta').join('')).toBe("**Counting letters**\n\nThe word has three r's.")
    expect(deltas(parts, 'text-delta').join('')).toBe('There are **3** "r"s in strawberry.')
    expect(parts.map((part) => part.type).slice(2, -1)).toEqual(['reasoning-start', 'reasoning-delta', 'reasoning-end', 'reasoning-start', 'reasoning-signature', 'reasoning-end', 'text-start', 'text-delta', 'text-end'])
    expect(parts.at(-1)).toMatchObject({ usage: { outputTokens: 313, reasoningTokens: 302 } })
    expect(parts).toMatchSnapshot()
  })

  test('Gemini 3 function call without an id: an id is made up, the signature comes first, STOP means tool-calls', async () => {
    const parts = await replay('gemini3-function-call')
    expect(parts).toContainEqual({ type: 'reasoning-signature', id: '0', signature: 'EpEgCo4gAb4+9vvWwdN+NkNiCCwrqvFI8uf9IiD2A47Bm4Sga0kUTm4e/QuEnsZ' })
    expect(parts).toContainEqual({ type: 'tool-input-start', id: 'call_<generated>', toolName: 'get_weather', kind: 'function' })
    expect(JSON.parse(deltas(parts, 'tool-input-delta').join(''))).toEqual({ location: 'San Francisco' })
    expect(parts.at(-1)).toMatchObject({ finishReason: { unified: 'tool-calls', raw: 'STOP' } })
    expect(parts).toMatchSnapshot()
  })

  test('parallel calls keep their ids; only the first carries the signature', async () => {
    const parts = await replay('parallel-function-calls')
    expect(parts.filter((part) => part.type === 'tool-input-start').map((part) => part.id)).toEqual(['k2h9x1ab', 'q8w3m2cd'])
    expect(parts.filter((part) => part.type === 'reasoning-signature')).toHaveLength(1)
    expect(parts).toMatchSnapshot()
  })

  test('Gemini 3 without calls: the signature on the last, empty part ends the answer as a reasoning block', async () => {
    const parts = await replay('text-signature-last')
    expect(parts.slice(-5).map((part) => part.type)).toEqual(['text-end', 'reasoning-start', 'reasoning-signature', 'reasoning-end', 'finish'])
    expect(parts).toMatchSnapshot()
  })

  test('usage: the prompt count includes cached and tool-use tokens, output includes thoughts', async () => {
    const parts = await replay('cached-usage')
    expect(parts.at(-1)).toMatchObject({ usage: { inputTokens: 4824, cacheReadTokens: 4096, outputTokens: 44, reasoningTokens: 40 } })
  })

  test('finish reasons: MAX_TOKENS → length, SAFETY → content-filter, a blocked prompt → content-filter, MALFORMED_FUNCTION_CALL → error', async () => {
    expect((await replay('max-tokens')).at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'length', raw: 'MAX_TOKENS' } })
    expect((await replay('safety')).at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'content-filter', raw: 'SAFETY' } })
    const blocked = await replay('prompt-blocked')
    expect(blocked.map((part) => part.type)).toEqual(['stream-start', 'response-metadata', 'finish'])
    expect(blocked.at(-1)).toMatchObject({ finishReason: { unified: 'content-filter', raw: 'PROHIBITED_CONTENT' }, usage: { inputTokens: 8, outputTokens: 0 } })
    expect((await replay('malformed-function-call')).at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'error', raw: 'MALFORMED_FUNCTION_CALL' } })
  })

  test('code execution parts are left out, the answer text is kept', async () => {
    const parts = await replay('code-execution')
    expect(deltas(parts, 'text-delta').join('')).toBe('2 + 2 is 4.')
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } })
  })

  test('an in-band error chunk ends the stream with an error part of its status', async () => {
    const parts = await replay('in-band-error')
    expect(parts.at(-1)).toEqual({
      type: 'error',
      error: { name: 'UpstreamError', status: 500, type: 'upstream', code: 'INTERNAL', message: expect.stringMatching(/^An internal error has occurred/), retryable: true },
    })
    expect(parts).toMatchSnapshot()
  })

  test('a stream cut before any finishReason ends with an error part', async () => {
    const parts = await replay('cut-before-finish')
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { status: 502, code: 'stream_truncated', retryable: true } })
    expect(parts.some((part) => part.type === 'finish')).toBe(false)
    expect(parts).toMatchSnapshot()
  })
})
