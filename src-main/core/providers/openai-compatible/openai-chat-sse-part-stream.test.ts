import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { CifStreamPart } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'
import { createJsonSsePartStream } from '../../sse/create-json-sse-part-stream'
import { endStreamWithErrorPart } from '../end-stream-with-error-part'
import { streamErrorPart } from '../http/stream-error-part'
import { commonOpenAiChatChunk } from './common-openai-chat-chunk'
import { openAiChatChunkSchema } from './openai-chat-api'
import { createOpenAiChatStreamTransform, createOpenAiChatStreamTransformer, type OpenAiChatStreamTransformOptions } from './openai-chat-stream-transform'
import { referenceJsonEventStream } from '../../test-support/reference-json-event-stream'

// The provider's one-stream path (createJsonSsePartStream) against the chain of web streams it replaced
// (TextDecoderStream → EventSourceParserStream → JSON + zod → chunk transform → endStreamWithErrorPart),
// on the recorded fixtures cut at every byte offset: the same parts, the same errors.

const encoder = new TextEncoder()
const fixturesDir = join(import.meta.dirname, '__fixtures__')
const fixtures = readdirSync(fixturesDir).filter((file) => file.endsWith('.chunks.txt')).map((file) => file.replace('.chunks.txt', ''))
const withoutDone = new Set(['truncated-without-finish', 'midstream-error'])

function wireOf(name: string): Uint8Array {
  const lines = readFileSync(join(fixturesDir, `${name}.chunks.txt`), 'utf8').split('\n').filter((line) => line !== '')
  return encoder.encode(lines.map((line) => `data: ${line}\n\n`).join('') + (withoutDone.has(name) ? '' : 'data: [DONE]\n\n'))
}

interface Body {
  stream: ReadableStream<Uint8Array>
  cancelled: () => boolean
}

function bodyOf(chunks: Uint8Array[], failAfter?: Error): Body {
  let next = 0
  let cancelled = false
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++]
      if (chunk) controller.enqueue(chunk)
      else if (failAfter) controller.error(failAfter)
      else controller.close()
    },
    cancel() {
      cancelled = true
    },
  })
  return { stream, cancelled: () => cancelled }
}

function options(): OpenAiChatStreamTransformOptions {
  let id = 0
  return { instanceId: 'up', warnings: [], customToolsAsFunctions: new Set(['apply_patch']), generateId: () => `call_${++id}` }
}

function reference(body: ReadableStream<Uint8Array>, signal: AbortSignal): ReadableStream<CifStreamPart> {
  const results = referenceJsonEventStream(body, openAiChatChunkSchema)
  return endStreamWithErrorPart(results.pipeThrough(createOpenAiChatStreamTransform(options())), 'up', signal)
}

function fused(body: ReadableStream<Uint8Array>, signal: AbortSignal): ReadableStream<CifStreamPart> {
  return createJsonSsePartStream({
    body,
    schema: openAiChatChunkSchema,
    fastPath: commonOpenAiChatChunk,
    transformer: createOpenAiChatStreamTransformer(options()),
    errorPart: (error) => streamErrorPart(error, 'up', signal),
  })
}

/** Parts with errors by their fields (an Error's own fields do not compare). */
async function collect(stream: ReadableStream<CifStreamPart>): Promise<unknown[]> {
  const parts: unknown[] = []
  for await (const part of stream as unknown as AsyncIterable<CifStreamPart>) {
    if (part.type !== 'error') parts.push(part)
    else {
      const error = part.error as UpstreamError
      parts.push({ type: 'error', name: error.name, status: error.status, code: error.code, message: error.message, body: error.upstreamBody, connectionError: error.connectionError })
    }
  }
  return parts
}

const signal = new AbortController().signal

describe('createJsonSsePartStream with the OpenAI chat transformer = the web-stream chain', () => {
  for (const name of fixtures) {
    test(`${name}: one event per chunk, one chunk, every byte offset`, async () => {
      const wire = wireOf(name)
      const expected = await collect(reference(bodyOf([wire]).stream, signal))
      expect(expected.length).toBeGreaterThan(1)
      const perEvent = new TextDecoder().decode(wire).split(/(?<=\n\n)/).map((text) => encoder.encode(text))
      expect(await collect(fused(bodyOf(perEvent).stream, signal))).toEqual(expected)
      expect(await collect(fused(bodyOf([wire]).stream, signal))).toEqual(expected)
      for (let offset = 0; offset <= wire.length; offset++) {
        const chunks = [wire.subarray(0, offset), wire.subarray(offset)]
        expect(await collect(fused(bodyOf(chunks).stream, signal)), `split at ${offset}`).toEqual(expected)
      }
    })
  }

  // One difference, on purpose: the chain dropped the parts still queued between its stages when the
  // body errored (a pipe's abort errors the next stage at once), so how much of the answer before a
  // break reached the client depended on timing (on a real socket the break comes a macrotask later,
  // and by then everything was read). Here every part made from the bytes before the break comes first.
  test('a body that breaks off: every part before the break, then the same error part as endStreamWithErrorPart', async () => {
    const wire = wireOf('tool-arguments-split')
    const cut = wire.subarray(0, Math.floor(wire.length / 2))
    const reset = () => Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })
    const before = (await collect(reference(bodyOf([cut]).stream, signal))).slice(0, -1) // without "ended without a finish reason"
    const chainError = (await collect(reference(bodyOf([cut], reset()).stream, signal))).at(-1)
    expect(chainError).toMatchObject({ type: 'error', connectionError: true, message: 'The upstream stream of provider "up" broke off: other side closed' })
    expect(await collect(fused(bodyOf([cut], reset()).stream, signal))).toEqual([...before, chainError])

    const timeout = new UpstreamError({ instanceId: 'up', status: 504, code: 'upstream_idle_timeout', message: 'idle' })
    const timeoutPart = (await collect(reference(bodyOf([cut], timeout).stream, signal))).at(-1)
    expect(await collect(fused(bodyOf([cut], timeout).stream, signal))).toEqual([...before, timeoutPart])

    const aborted = AbortSignal.abort()
    const failure = new Error('aborted')
    await expect(collect(reference(bodyOf([cut], failure).stream, aborted))).rejects.toBe(failure)
    await expect(collect(fused(bodyOf([cut], failure).stream, aborted))).rejects.toBe(failure)
  })

  test('an error chunk ends the stream and cancels the body, events after it in the same chunk unread', async () => {
    const wire = wireOf('midstream-error')
    const tail = encoder.encode('data: {"choices":[{"index":0,"delta":{"content":"after"}}]}\n\n')
    const body = bodyOf([wire, tail, tail])
    const parts = await collect(fused(body.stream, signal))
    expect(parts.at(-1)).toMatchObject({ type: 'error' })
    expect(parts).toEqual(await collect(reference(bodyOf([wire, tail, tail]).stream, signal)))
    expect(body.cancelled()).toBe(true)
  })

  test('a consumer that cancels cancels the body', async () => {
    const body = bodyOf([wireOf('tool-arguments-split')])
    const reader = fused(body.stream, signal).getReader()
    await reader.read()
    await reader.cancel()
    expect(body.cancelled()).toBe(true)
  })
})

describe('commonOpenAiChatChunk (the fast path before the zod schema)', () => {
  test('takes every everyday chunk of the fixtures, and only chunks the schema accepts', () => {
    let taken = 0
    for (const name of fixtures) {
      for (const line of readFileSync(join(fixturesDir, `${name}.chunks.txt`), 'utf8').split('\n').filter((text) => text !== '')) {
        let json: unknown
        try {
          json = JSON.parse(line)
        } catch {
          continue
        }
        if (commonOpenAiChatChunk(json) === undefined) continue
        taken++
        expect(openAiChatChunkSchema.safeParse(json).success, line).toBe(true)
      }
    }
    expect(taken).toBeGreaterThan(50)
  })

  test.each([
    ['usage', { choices: [], usage: { prompt_tokens: 1 } }],
    ['error', { error: { message: 'x' } }],
    ['string choices', { choices: 'x' }],
    ['null choice', { choices: [null] }],
    ['numeric content', { choices: [{ delta: { content: 1 } }] }],
    ['infinite index (1e400)', JSON.parse('{"choices":[{"index":1e400,"delta":{"content":"x"}}]}') as unknown],
    ['object arguments', { choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: { a: 1 } } }] } }] }],
    ['tool call without object', { choices: [{ delta: { tool_calls: ['x'] } }] }],
    ['boolean finish_reason', { choices: [{ finish_reason: true }] }],
    ['array chunk', []],
    ['numeric id', { id: 1, choices: [] }],
  ])('%s: left to the schema', (_name, json) => {
    expect(commonOpenAiChatChunk(json)).toBeUndefined()
  })

  test('text, reasoning and tool-call deltas pass as they are', () => {
    const chunk = { id: 'c', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'hi', reasoning_content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"' } }] }, logprobs: null, finish_reason: null }] }
    expect(commonOpenAiChatChunk(chunk)).toBe(chunk)
    expect(openAiChatChunkSchema.safeParse(chunk).success).toBe(true)
  })
})
