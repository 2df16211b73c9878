import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { jsonSchema, streamText, tool } from 'ai'
import { createParser } from 'eventsource-parser'
import OpenAI from 'openai'
import { describe, expect, test } from 'vitest'
import type { CifFinishReason, CifStreamPart, CifUsage } from '../../cif'
import { GatewayError } from '../../errors/gateway-error'
import { createOpenAiChatStreamSerializer } from './create-openai-chat-stream-serializer'

const context = { model: 'client-model', requestId: 'req42', created: 1_700_000_000 }

function sseOf(parts: CifStreamPart[], includeUsage = false): string {
  const serializer = createOpenAiChatStreamSerializer({ ...context, includeUsage })
  return parts.map((part) => serializer.write(part)).join('')
}

/** The `data:` payloads of an SSE text, in order (comments skipped, as every client does). */
function dataOf(sse: string): string[] {
  const data: string[] = []
  const parser = createParser({ onEvent: (event) => data.push(event.data) })
  parser.feed(sse)
  return data
}

interface Chunk {
  id: string
  object: string
  created: number
  model: string
  choices: Array<{ index: number; delta: Record<string, unknown>; finish_reason: string | null }>
  usage?: unknown
}

function chunksOf(sse: string): Chunk[] {
  return dataOf(sse)
    .filter((data) => data !== '[DONE]')
    .map((data) => JSON.parse(data) as Chunk)
}

/** The real openai SDK, served the SSE text as if it came over HTTP. */
function openAiClientServing(sse: string): OpenAI {
  const fetch = async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } })
  return new OpenAI({ apiKey: 'test', baseURL: 'http://gateway.test/v1', maxRetries: 0, fetch })
}

function finalChatCompletion(sse: string) {
  return openAiClientServing(sse)
    .chat.completions.stream({ model: 'client-model', messages: [{ role: 'user', content: 'hi' }] })
    .finalChatCompletion()
}

/** OpenCode's provider (the AI SDK's openai-compatible), whose zod chunk schema is stricter than the SDK. */
function aiSdkStream(sse: string) {
  const fetch = async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } })
  const provider = createOpenAICompatible({ name: 'gateway', baseURL: 'http://gateway.test/v1', apiKey: 'test', includeUsage: true, fetch })
  const anyObject = jsonSchema<Record<string, unknown>>({ type: 'object' })
  return streamText({
    model: provider.chatModel('client-model'),
    prompt: 'hi',
    tools: { get_weather: tool({ inputSchema: anyObject }), get_time: tool({ inputSchema: anyObject }) },
  })
}

const stop: CifFinishReason = { unified: 'stop' }
const finish = (finishReason: CifFinishReason = stop, usage: CifUsage = { inputTokens: 10, outputTokens: 5 }): CifStreamPart => ({ type: 'finish', finishReason, usage })
const text = (id: string, ...deltas: string[]): CifStreamPart[] => [
  { type: 'text-start', id },
  ...deltas.map((delta): CifStreamPart => ({ type: 'text-delta', id, delta })),
  { type: 'text-end', id },
]

const helloParts: CifStreamPart[] = [{ type: 'stream-start', warnings: [] }, { type: 'response-metadata', id: 'msg_up', model: 'upstream' }, ...text('t1', 'Hel', 'lo'), finish()]

const reasoningParts: CifStreamPart[] = [
  { type: 'stream-start', warnings: [] },
  { type: 'reasoning-start', id: 'r1', origin: { dialect: 'anthropic' } },
  { type: 'reasoning-delta', id: 'r1', delta: 'Let me ' },
  { type: 'reasoning-delta', id: 'r1', delta: 'think.' },
  { type: 'reasoning-signature', id: 'r1', signature: 'sig' },
  { type: 'reasoning-end', id: 'r1' },
  ...text('t1', 'Hello'),
  finish(),
]

const parallelToolParts: CifStreamPart[] = [
  { type: 'stream-start', warnings: [] },
  ...text('t1', 'Checking.'),
  { type: 'tool-input-start', id: 'call_a', toolName: 'get_weather', kind: 'function' },
  { type: 'tool-input-start', id: 'call_b', toolName: 'get_time', kind: 'function' },
  { type: 'tool-input-delta', id: 'call_a', delta: '{"city":' },
  { type: 'tool-input-delta', id: 'call_b', delta: '{"zone":' },
  { type: 'tool-input-delta', id: 'call_a', delta: '"Paris"}' },
  { type: 'tool-input-delta', id: 'call_b', delta: '"CET"}' },
  { type: 'tool-input-end', id: 'call_a' },
  { type: 'tool-input-end', id: 'call_b' },
  finish({ unified: 'tool-calls' }),
]

describe('the chunk grammar', () => {
  test('a text answer: role chunk, content deltas, finish chunk, [DONE]', () => {
    const sse = sseOf(helloParts)
    expect(dataOf(sse).at(-1)).toBe('[DONE]')
    const chunks = chunksOf(sse)
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ id: 'chatcmpl-req42', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'client-model' })
      expect(chunk).not.toHaveProperty('usage')
    }
    expect(chunks.map((chunk) => chunk.choices[0])).toEqual([
      { index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: 'Hel' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: 'lo' }, logprobs: null, finish_reason: null },
      { index: 0, delta: {}, logprobs: null, finish_reason: 'stop' },
    ])
  })

  test('an upstream chat id is reused for every chunk', () => {
    const chunks = chunksOf(sseOf([{ type: 'response-metadata', id: 'chatcmpl-upstream' }, ...text('t', 'x'), finish()]))
    expect(new Set(chunks.map((chunk) => chunk.id))).toEqual(new Set(['chatcmpl-upstream']))
  })

  test('tool calls: the first delta carries id, type and name; later ones only the arguments', () => {
    const toolDeltas = chunksOf(sseOf(parallelToolParts)).flatMap((chunk) => (chunk.choices[0]?.delta.tool_calls as unknown[] | undefined) ?? [])
    expect(toolDeltas).toEqual([
      { index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } },
      { index: 1, id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '' } },
      { index: 0, function: { arguments: '{"city":' } },
      { index: 1, function: { arguments: '{"zone":' } },
      { index: 0, function: { arguments: '"Paris"}' } },
      { index: 1, function: { arguments: '"CET"}' } },
    ])
  })

  test('with include_usage: usage null on every chunk, then a usage chunk with no choices before [DONE]', () => {
    const parts: CifStreamPart[] = [
      { type: 'response-metadata', usage: { inputTokens: 1200, cacheReadTokens: 1000 } },
      ...text('t', 'ok'),
      finish(stop, { outputTokens: 7, reasoningTokens: 3 }),
    ]
    const chunks = chunksOf(sseOf(parts, true))
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null && chunk.choices.length === 1)).toBe(true)
    expect(chunks.at(-1)).toEqual({
      id: 'chatcmpl-req42',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'client-model',
      choices: [],
      usage: {
        prompt_tokens: 1200,
        completion_tokens: 7,
        total_tokens: 1207,
        prompt_tokens_details: { cached_tokens: 1000 },
        completion_tokens_details: { reasoning_tokens: 3 },
      },
    })
  })

  test('a function call with no argument deltas gets "{}"; a custom call streams as a function call with its raw input', () => {
    const sse = sseOf([
      { type: 'tool-input-start', id: 'c1', toolName: 'list_files', kind: 'function' },
      { type: 'tool-input-end', id: 'c1' },
      { type: 'tool-input-start', id: 'c2', toolName: 'apply_patch', kind: 'custom' },
      { type: 'tool-input-delta', id: 'c2', delta: '*** Begin Patch' },
      { type: 'tool-input-end', id: 'c2' },
      finish(stop),
    ])
    const toolDeltas = chunksOf(sse).flatMap((chunk) => (chunk.choices[0]?.delta.tool_calls as unknown[] | undefined) ?? [])
    expect(toolDeltas).toEqual([
      { index: 0, id: 'c1', type: 'function', function: { name: 'list_files', arguments: '' } },
      { index: 0, function: { arguments: '{}' } },
      { index: 1, id: 'c2', type: 'function', function: { name: 'apply_patch', arguments: '' } },
      { index: 1, function: { arguments: '*** Begin Patch' } },
    ])
  })

  test('two reasoning blocks (interleaved thinking) are kept apart by a blank line', () => {
    const parts: CifStreamPart[] = [
      { type: 'reasoning-start', id: 'r1' },
      { type: 'reasoning-delta', id: 'r1', delta: 'First.' },
      { type: 'reasoning-end', id: 'r1' },
      { type: 'reasoning-start', id: 'r2' },
      { type: 'reasoning-delta', id: 'r2', delta: 'Second.' },
      { type: 'reasoning-end', id: 'r2' },
      finish(),
    ]
    const reasoning = chunksOf(sseOf(parts)).map((chunk) => chunk.choices[0]?.delta.reasoning_content ?? '')
    expect(reasoning.join('')).toBe('First.\n\nSecond.')
  })

  test('an error ends the stream with an OpenAI error object and no [DONE]; nothing is written after it', () => {
    const serializer = createOpenAiChatStreamSerializer({ ...context, includeUsage: true })
    const error = new GatewayError({ status: 529, type: 'overloaded', code: 'overloaded', message: 'Upstream overloaded.' })
    const sse = [...text('t', 'partial'), { type: 'error', error } satisfies CifStreamPart, finish()].map((part) => serializer.write(part)).join('')
    expect(dataOf(sse).at(-1)).toBe('{"error":{"message":"Upstream overloaded.","type":"server_error","param":null,"code":"overloaded"}}')
    expect(dataOf(sse)).not.toContain('[DONE]')
    expect(serializer.error(error)).toBe('')
  })

  test('keepAlive is an SSE comment, which carries no data', () => {
    const keepAlive = createOpenAiChatStreamSerializer({ ...context, includeUsage: false }).keepAlive()
    expect(keepAlive).toMatch(/^:.*\n\n$/)
    expect(dataOf(keepAlive)).toEqual([])
  })
})

describe('the official openai SDK accumulates the stream', () => {
  test('text, with keep-alives in between', async () => {
    const serializer = createOpenAiChatStreamSerializer({ ...context, includeUsage: false })
    const sse = helloParts.map((part) => serializer.write(part) + serializer.keepAlive()).join('')
    const completion = await finalChatCompletion(sse)
    expect(completion.choices[0]!.message.content).toBe('Hello')
    expect(completion.choices[0]!.finish_reason).toBe('stop')
  })

  test('reasoning and text: reasoning arrives as reasoning_content, never in the content', async () => {
    const sse = sseOf(reasoningParts)
    const completion = await finalChatCompletion(sse)
    expect(completion.choices[0]!.message.content).toBe('Hello')
    const streamed = await openAiClientServing(sse).chat.completions.create({ model: 'client-model', messages: [{ role: 'user', content: 'hi' }], stream: true })
    let reasoning = ''
    for await (const chunk of streamed) reasoning += (chunk.choices[0]?.delta as { reasoning_content?: string } | undefined)?.reasoning_content ?? ''
    expect(reasoning).toBe('Let me think.')
  })

  test('two parallel tool calls with interleaved argument deltas', async () => {
    const completion = await finalChatCompletion(sseOf(parallelToolParts))
    const choice = completion.choices[0]!
    expect(choice.finish_reason).toBe('tool_calls')
    expect(choice.message.content).toBe('Checking.')
    expect(choice.message.tool_calls).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{"zone":"CET"}' } },
    ])
  })

  test('a tool call that the upstream finished with "stop" is reported as tool_calls', async () => {
    const parts: CifStreamPart[] = [
      { type: 'tool-input-start', id: 'call_x', toolName: 'get_weather', kind: 'function' },
      { type: 'tool-input-delta', id: 'call_x', delta: '{"city":"Rome"}' },
      { type: 'tool-input-end', id: 'call_x' },
      finish(stop),
    ]
    const completion = await finalChatCompletion(sseOf(parts))
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls')
    expect(completion.choices[0]!.message.tool_calls?.[0]).toMatchObject({ id: 'call_x', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } })
  })

  test('an error mid-stream makes the SDK throw an APIError with the message', async () => {
    const error = new GatewayError({ status: 502, type: 'upstream', code: 'stream_error', message: 'The upstream stream broke off.' })
    const sse = sseOf([...text('t', 'partial'), { type: 'error', error }])
    const failure = await finalChatCompletion(sse).catch((caught: unknown) => caught)
    expect(failure).toBeInstanceOf(OpenAI.APIError)
    expect((failure as InstanceType<typeof OpenAI.APIError>).message).toContain('The upstream stream broke off.')
  })

  test('usage, when asked for', async () => {
    const parts: CifStreamPart[] = [...text('t', 'ok'), finish(stop, { inputTokens: 30, outputTokens: 4, cacheReadTokens: 20 })]
    const withUsage = await finalChatCompletion(sseOf(parts, true))
    expect(withUsage.usage).toMatchObject({ prompt_tokens: 30, completion_tokens: 4, total_tokens: 34, prompt_tokens_details: { cached_tokens: 20 } })
    const withoutUsage = await finalChatCompletion(sseOf(parts, false))
    expect(withoutUsage.usage).toBeUndefined()
  })
})

describe("OpenCode's AI SDK provider (openai-compatible) reads the stream", () => {
  test('reasoning, text and usage', async () => {
    const result = aiSdkStream(sseOf(reasoningParts, true))
    expect(await result.text).toBe('Hello')
    expect(await result.reasoningText).toBe('Let me think.')
    expect(await result.finishReason).toBe('stop')
    expect((await result.usage).outputTokens).toBe(5)
  })

  test('parallel tool calls', async () => {
    const result = aiSdkStream(sseOf(parallelToolParts, true))
    expect(await result.finishReason).toBe('tool-calls')
    expect((await result.toolCalls).map((call) => [call.toolCallId, call.toolName, call.input])).toEqual([
      ['call_a', 'get_weather', { city: 'Paris' }],
      ['call_b', 'get_time', { zone: 'CET' }],
    ])
  })
})
