import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CifStreamPart } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'
import { callOptions } from '../../test-support/call-options'
import { collectParts } from '../../test-support/collect-parts'
import { cifRequest, startAnthropicTestKit, type AnthropicTestKit } from './start-anthropic-test-kit'

/**
 * Recorded Messages streams (`__fixtures__/*.chunks.txt`, one event per line) replayed by the mock with
 * `event:` framing, read through the provider's stream(); the CIF parts are snapshotted.
 */
let kit: AnthropicTestKit
beforeAll(async () => {
  kit = await startAnthropicTestKit()
})
afterAll(() => kit.close())

function fixture(name: string): string[] {
  return readFileSync(join(import.meta.dirname, '__fixtures__', `${name}.chunks.txt`), 'utf8').split('\n')
}

async function replay(name: string): Promise<CifStreamPart[]> {
  kit.mock.replayNextStream(fixture(name))
  const stream = await kit.provider.stream(cifRequest({ stream: true }), callOptions())
  return (await collectParts(stream)).map((part) => (part.type === 'error' ? ({ ...part, error: describeError(part.error) } as unknown as CifStreamPart) : part))
}

function describeError(error: Error) {
  const upstream = error as UpstreamError
  return { name: upstream.name, status: upstream.status, type: upstream.type, code: upstream.code, message: upstream.message, retryable: upstream.retryable }
}

describe('recorded Anthropic streams → CIF parts', () => {
  test('text', async () => {
    const parts = await replay('text')
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.delta).join('')).toBe('Hello, wörld!')
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { inputTokens: 25, outputTokens: 15, cacheReadTokens: 0, cacheWriteTokens: 0 } })
    expect(parts).toMatchSnapshot()
  })

  test('thinking with its signature, then text, then a tool call', async () => {
    const parts = await replay('thinking-tool-use')
    expect(parts).toContainEqual({ type: 'reasoning-start', id: '0', origin: { dialect: 'anthropic', instanceId: 'an' } })
    expect(parts).toContainEqual({ type: 'reasoning-signature', id: '0', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds' })
    const toolInput = parts.filter((part) => part.type === 'tool-input-delta').map((part) => part.delta)
    expect(JSON.parse(toolInput.join(''))).toEqual({ location: 'San Francisco, CA' })
    expect(parts.at(-1)).toMatchObject({ finishReason: { unified: 'tool-calls' }, usage: { outputTokens: 89, reasoningTokens: 41 } })
    expect(parts).toMatchSnapshot()
  })

  test('parallel tool calls keep their ids apart', async () => {
    const parts = await replay('parallel-tool-use')
    const starts = parts.filter((part) => part.type === 'tool-input-start')
    expect(starts.map((part) => part.id)).toEqual(['toolu_01Paris000000000000000000', 'toolu_01London00000000000000000'])
    expect(parts).toMatchSnapshot()
  })

  test('tool arguments that arrive whole in content_block_start (some proxies) are not lost', async () => {
    const parts = await replay('tool-input-in-block-start')
    expect(parts.filter((part) => part.type === 'tool-input-delta')).toEqual([{ type: 'tool-input-delta', id: 'toolu_proxy_1', delta: '{"city":"Lima"}' }])
  })

  test('cache usage: Anthropic input_tokens is only the uncached part', async () => {
    const parts = await replay('cache-usage')
    expect(parts.find((part) => part.type === 'response-metadata')).toMatchObject({ usage: { inputTokens: 4512, cacheReadTokens: 3000, cacheWriteTokens: 1500, cacheWrite5mTokens: 500, cacheWrite1hTokens: 1000 } })
    expect(parts.at(-1)).toMatchObject({ usage: { inputTokens: 4512, outputTokens: 4, cacheReadTokens: 3000, cacheWriteTokens: 1500, cacheWrite1hTokens: 1000 } })
    expect(parts).toMatchSnapshot()
  })

  test('max_tokens → length', async () => {
    const parts = await replay('max-tokens')
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'length', raw: 'max_tokens' } })
    expect(parts).toMatchSnapshot()
  })

  test('redacted thinking is kept as reasoning with its data', async () => {
    const parts = await replay('redacted-thinking')
    expect(parts).toContainEqual({ type: 'reasoning-start', id: '0', origin: { dialect: 'anthropic', instanceId: 'an' }, redactedData: expect.stringMatching(/^EmwK/) })
    expect(parts).toMatchSnapshot()
  })

  test('a stream cut before message_stop ends with an error part', async () => {
    const parts = await replay('cut-before-message-stop')
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { status: 502, code: 'stream_truncated', retryable: true } })
    expect(parts.some((part) => part.type === 'finish')).toBe(false)
    expect(parts).toMatchSnapshot()
  })

  test('an error event ends the stream with its type: overloaded_error → 529 overloaded', async () => {
    const parts = await replay('error-event')
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { name: 'UpstreamError', status: 529, type: 'overloaded', code: 'overloaded_error', message: 'Overloaded' } })
    expect(parts).toMatchSnapshot()
  })
})
