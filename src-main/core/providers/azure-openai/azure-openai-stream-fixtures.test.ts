import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseJsonEventStream } from '../../sse/parse-json-event-stream'
import { collectParts, summariseParts } from '../../test-support/collect-parts'
import { createOpenAiChatStreamTransform } from '../openai-compatible'
import { openAiChatChunkSchema } from '../openai-compatible/openai-chat-api'

/** Azure-shaped streams (one JSON chunk per line) through the chat stream transform the provider uses. */
async function replay(name: string) {
  const lines = readFileSync(join(import.meta.dirname, '__fixtures__', `${name}.chunks.txt`), 'utf8').split('\n').filter((line) => line !== '')
  const bytes = new TextEncoder().encode(`${lines.map((line) => `data: ${line}\n\n`).join('')}data: [DONE]\n\n`)
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes)
      controller.close()
    },
  })
  const transform = createOpenAiChatStreamTransform({ instanceId: 'az', warnings: [], customToolsAsFunctions: new Set() })
  return summariseParts(await collectParts(parseJsonEventStream(body, openAiChatChunkSchema).pipeThrough(transform)))
}

describe('Azure stream shapes', () => {
  test('asynchronous filter: annotation chunks (content_filter_offsets, empty id and model) between and after the deltas change nothing', async () => {
    const summary = await replay('azure-async-filter')
    expect(summary.text).toBe('Async filtered text.')
    expect(summary.sequence).toEqual(['stream-start', 'response-metadata', 'text-start', 'text-delta×2', 'text-end', 'finish'])
    expect(summary.finishReason).toEqual({ unified: 'stop', raw: 'stop' })
    expect(summary.usage).toMatchObject({ inputTokens: 11, outputTokens: 4 })
  })

  test('the output filter stopping a tool call: finish content-filter, not tool-calls', async () => {
    const summary = await replay('azure-filtered-tool-call')
    expect(summary.error).toBeUndefined()
    expect(summary.toolCalls).toEqual([{ id: 'call_AzFilt01', name: 'run_shell', kind: 'function', input: '{"cmd":' }])
    expect(summary.finishReason).toEqual({ unified: 'content-filter', raw: 'content_filter' })
  })
})
