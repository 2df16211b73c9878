import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { CifStreamPart } from '../../cif'
import { createJsonSsePartStream } from '../../sse/create-json-sse-part-stream'
import { anthropicStreamEventSchema } from './anthropic-messages-api'
import { createAnthropicStreamTransform, createAnthropicStreamTransformer } from './anthropic-stream-transform'
import { commonAnthropicStreamEvent } from './common-anthropic-stream-event'
import { referenceJsonEventStream } from '../../test-support/reference-json-event-stream'

// The provider's one-stream path against the web-stream chain it replaced, on the recorded fixtures
// cut at every byte offset.

const encoder = new TextEncoder()
const fixturesDir = join(import.meta.dirname, '__fixtures__')
const fixtures = readdirSync(fixturesDir).filter((file) => file.endsWith('.chunks.txt')).map((file) => file.replace('.chunks.txt', ''))

function wireOf(name: string): Uint8Array {
  const lines = readFileSync(join(fixturesDir, `${name}.chunks.txt`), 'utf8').split('\n').filter((line) => line !== '')
  return encoder.encode(lines.map((line) => `event: ${(JSON.parse(line) as { type: string }).type}\ndata: ${line}\n\n`).join(''))
}

function bodyOf(chunks: Uint8Array[], failAfter?: Error): ReadableStream<Uint8Array> {
  let next = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++]
      if (chunk) controller.enqueue(chunk)
      else if (failAfter) controller.error(failAfter)
      else controller.close()
    },
  })
}

const options = () => ({ instanceId: 'a', warnings: [], customToolNames: new Set(['apply_patch']) })

function reference(body: ReadableStream<Uint8Array>): ReadableStream<CifStreamPart> {
  return referenceJsonEventStream(body, anthropicStreamEventSchema)
    .pipeThrough(createAnthropicStreamTransform(options()))
}

const fused = (body: ReadableStream<Uint8Array>) =>
  createJsonSsePartStream({ body, schema: anthropicStreamEventSchema, fastPath: commonAnthropicStreamEvent, transformer: createAnthropicStreamTransformer(options()) })

async function collect(stream: ReadableStream<CifStreamPart>): Promise<unknown[]> {
  const parts: unknown[] = []
  for await (const part of stream as unknown as AsyncIterable<CifStreamPart>) parts.push(part.type === 'error' ? { type: 'error', name: part.error.name, code: part.error.code, message: part.error.message } : part)
  return parts
}

describe('createJsonSsePartStream with the Anthropic transformer = the web-stream chain', () => {
  for (const name of fixtures) {
    test(`${name}: every byte offset`, async () => {
      const wire = wireOf(name)
      const expected = await collect(reference(bodyOf([wire])))
      expect(expected.length).toBeGreaterThan(1)
      for (let offset = 0; offset <= wire.length; offset++) {
        expect(await collect(fused(bodyOf([wire.subarray(0, offset), wire.subarray(offset)]))), `split at ${offset}`).toEqual(expected)
      }
    })
  }

  test('unreadable and odd events go through the schema: the same error part', async () => {
    const wire = encoder.encode(
      'event: message_start\ndata: {"type":"message_start","message":{"id":"m","usage":{"input_tokens":3}}}\n\n' +
        'data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n' +
        'data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":1}}\n\n',
    )
    expect(await collect(fused(bodyOf([wire])))).toEqual(await collect(reference(bodyOf([wire]))))
  })

  test('a body that breaks off errors the stream with its error (no error part, as before)', async () => {
    const failure = new Error('other side closed')
    const wire = wireOf('text')
    await expect(collect(fused(bodyOf([wire.subarray(0, 200)], failure)))).rejects.toBe(failure)
  })

  test('commonAnthropicStreamEvent takes only events the schema accepts, and leaves message_delta to it', () => {
    for (const name of fixtures) {
      for (const line of readFileSync(join(fixturesDir, `${name}.chunks.txt`), 'utf8').split('\n').filter((text) => text !== '')) {
        const json = JSON.parse(line) as { type: string }
        if (commonAnthropicStreamEvent(json) !== undefined) expect(anthropicStreamEventSchema.safeParse(json).success).toBe(true)
      }
    }
    expect(commonAnthropicStreamEvent({ type: 'message_delta', delta: {}, usage: { output_tokens: 1 } })).toBeUndefined()
    expect(commonAnthropicStreamEvent({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 1 } })).toBeUndefined()
    expect(commonAnthropicStreamEvent(JSON.parse('{"type":"content_block_stop","index":1e400}'))).toBeUndefined()
    expect(commonAnthropicStreamEvent({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'x' } })).toBeDefined()
  })
})
