import { createOpenAI } from '@ai-sdk/openai'
import { jsonSchema, streamText, tool } from 'ai'
import { createParser } from 'eventsource-parser'
import OpenAI from 'openai'
import { describe, expect, test } from 'vitest'
import type { CifStreamPart, CifUsage } from '../../cif'
import { GatewayError } from '../../errors/gateway-error'
import { createOpenAiResponsesStreamSerializer } from './create-openai-responses-stream-serializer'
import type { CompletedOpenAiResponse, OpenAiResponsesSerializeContext } from './openai-responses-serialize-context'
import { parseOpenAiResponsesRequest } from './parse-openai-responses-request'

/** The event names clients know (clients.md §4.1): anything else makes the openai SDK helper throw. */
const knownEventNames = new Set([
  'response.created',
  'response.in_progress',
  'response.queued',
  'response.completed',
  'response.failed',
  'response.incomplete',
  'response.output_item.added',
  'response.output_item.done',
  'response.content_part.added',
  'response.content_part.done',
  'response.output_text.delta',
  'response.output_text.done',
  'response.output_text.annotation.added',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'response.custom_tool_call_input.delta',
  'response.custom_tool_call_input.done',
  'response.reasoning_summary_part.added',
  'response.reasoning_summary_part.done',
  'response.reasoning_summary_text.delta',
  'response.reasoning_summary_text.done',
])

const usage: CifUsage = { inputTokens: 20, outputTokens: 7, cacheReadTokens: 5, reasoningTokens: 3 }

function contextFor(body: Record<string, unknown> = {}): OpenAiResponsesSerializeContext {
  const parsed = parseOpenAiResponsesRequest({ model: 'client-model', input: 'hi', ...body }, {})
  return { model: 'client-model', requestId: 'req1', created: 1_700_000_000, responseId: 'resp_test', echo: parsed.echo, toolNames: parsed.toolNames }
}

function sseOf(parts: CifStreamPart[], body?: Record<string, unknown>): { sse: string; completed: CompletedOpenAiResponse[] } {
  const completed: CompletedOpenAiResponse[] = []
  const serializer = createOpenAiResponsesStreamSerializer(contextFor(body), (done) => completed.push(done))
  return { sse: parts.map((part) => serializer.write(part)).join(''), completed }
}

interface ParsedEvent {
  name: string | undefined
  data: { type: string; sequence_number: number } & Record<string, unknown>
}

function eventsOf(sse: string): ParsedEvent[] {
  const events: ParsedEvent[] = []
  const parser = createParser({ onEvent: (event) => events.push({ name: event.event, data: JSON.parse(event.data) as ParsedEvent['data'] }) })
  parser.feed(sse)
  return events
}

/** Framing every client relies on: `event:` equals `data.type`, known names only, sequence numbers 0, 1, 2 … */
function expectWellFormed(sse: string): ParsedEvent[] {
  const events = eventsOf(sse)
  expect(events.map((event) => event.name)).toEqual(events.map((event) => event.data.type))
  expect(events.filter((event) => !knownEventNames.has(event.data.type)).map((event) => event.data.type)).toEqual([])
  expect(events.map((event) => event.data.sequence_number)).toEqual(events.map((_, index) => index))
  expect(events.slice(0, 2).map((event) => event.name)).toEqual(['response.created', 'response.in_progress'])
  return events
}

/** The real openai SDK's accumulating helper, served the SSE as if over HTTP. */
function finalResponse(sse: string) {
  const fetch = async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } })
  const client = new OpenAI({ apiKey: 'test', baseURL: 'http://gateway.test/v1', maxRetries: 0, fetch })
  return client.responses.stream({ model: 'client-model', input: 'hi' }).finalResponse()
}

const start: CifStreamPart = { type: 'stream-start', warnings: [] }
const text = (id: string, ...deltas: string[]): CifStreamPart[] => [
  { type: 'text-start', id },
  ...deltas.map((delta): CifStreamPart => ({ type: 'text-delta', id, delta })),
  { type: 'text-end', id },
]
const finish = (unified: 'stop' | 'length' | 'tool-calls' | 'content-filter'): CifStreamPart => ({ type: 'finish', finishReason: { unified }, usage })

describe('the Responses event stream, read back by the openai SDK', () => {
  test('text: one message item, deltas with item_id and logprobs, completed with usage', async () => {
    const { sse, completed } = sseOf([start, { type: 'response-metadata', id: 'up-1', usage: { inputTokens: 20 } }, ...text('t', 'Hel', 'lo'), finish('stop')])
    const events = expectWellFormed(sse)
    expect(events.map((event) => event.name)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ])
    expect(events[4]!.data).toMatchObject({ item_id: expect.stringMatching(/^msg_/), output_index: 0, content_index: 0, delta: 'Hel', logprobs: [] })

    const response = await finalResponse(sse)
    expect(response).toMatchObject({ id: 'resp_test', status: 'completed', model: 'client-model', output_text: 'Hello', error: null, incomplete_details: null })
    expect(response.usage).toEqual({ input_tokens: 20, input_tokens_details: { cached_tokens: 5 }, output_tokens: 7, output_tokens_details: { reasoning_tokens: 3 }, total_tokens: 27 })
    expect(completed).toHaveLength(1)
    expect(completed[0]!.output).toEqual([{ type: 'text', text: 'Hello' }])
  })

  test('reasoning with encrypted content, then text: a reasoning item with its summary; reasoning never reaches output_text', async () => {
    const { sse, completed } = sseOf([
      start,
      { type: 'reasoning-start', id: 'r', origin: { dialect: 'openai-responses' } },
      { type: 'reasoning-delta', id: 'r', delta: 'Thinking ' },
      { type: 'reasoning-delta', id: 'r', delta: 'hard.' },
      { type: 'reasoning-end', id: 'r', encryptedContent: 'gAAAA-secret' },
      ...text('t', 'Answer.'),
      finish('stop'),
    ])
    const events = expectWellFormed(sse)
    expect(events.slice(2, 9).map((event) => event.name)).toEqual([
      'response.output_item.added',
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
    ])

    const response = await finalResponse(sse)
    expect(response.output_text).toBe('Answer.')
    expect(response.output[0]).toMatchObject({ type: 'reasoning', id: expect.stringMatching(/^rs_/), summary: [{ type: 'summary_text', text: 'Thinking hard.' }], encrypted_content: 'gAAAA-secret' })
    expect(response.output[1]).toMatchObject({ type: 'message', status: 'completed', content: [{ type: 'output_text', text: 'Answer.' }] })
    expect(completed[0]!.output[0]).toMatchObject({ type: 'reasoning', text: 'Thinking hard.', encryptedContent: 'gAAAA-secret', itemId: response.output[0]!.id })
  })

  test('text, reasoning, text: the first message is closed before the reasoning item opens, the second text gets a new message', async () => {
    const { sse } = sseOf([start, ...text('a', 'Before.'), { type: 'reasoning-start', id: 'r' }, { type: 'reasoning-delta', id: 'r', delta: 'hm' }, { type: 'reasoning-end', id: 'r' }, ...text('b', 'After.'), finish('stop')])
    const events = expectWellFormed(sse)
    const lifecycle = events.filter((event) => event.name === 'response.output_item.added' || event.name === 'response.output_item.done').map((event) => `${event.name!.slice(21)} ${String(event.data.output_index)}`)
    expect(lifecycle).toEqual(['added 0', 'done 0', 'added 1', 'done 1', 'added 2', 'done 2'])
    const response = await finalResponse(sse)
    expect(response.output.map((item) => item.type)).toEqual(['message', 'reasoning', 'message'])
    expect(response.output_text).toBe('Before.After.')
  })

  test('a tool call that starts while text is still open: the message closes as soon as its text ends', async () => {
    const { sse } = sseOf([
      start,
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Let me check' },
      { type: 'tool-input-start', id: 'call_a', toolName: 'get_weather', kind: 'function' },
      { type: 'text-delta', id: 't', delta: '.' },
      { type: 'text-end', id: 't' },
      { type: 'tool-input-delta', id: 'call_a', delta: '{}' },
      { type: 'tool-input-end', id: 'call_a' },
      finish('tool-calls'),
    ])
    const names = expectWellFormed(sse).map((event) => `${event.name!} ${String(event.data.output_index)}`)
    expect(names.slice(names.indexOf('response.content_part.done 0'))).toEqual([
      'response.content_part.done 0',
      'response.output_item.done 0',
      'response.function_call_arguments.delta 1',
      'response.function_call_arguments.done 1',
      'response.output_item.done 1',
      'response.completed undefined',
    ])
    const response = await finalResponse(sse)
    expect(response.output).toMatchObject([{ type: 'message', content: [{ text: 'Let me check.' }] }, { type: 'function_call', arguments: '{}' }])
  })

  test('two parallel function calls with interleaved argument deltas land in their own items', async () => {
    const { sse } = sseOf([
      start,
      ...text('t', 'Checking.'),
      { type: 'tool-input-start', id: 'call_a', toolName: 'get_weather', kind: 'function' },
      { type: 'tool-input-start', id: 'call_b', toolName: 'get_time', kind: 'function' },
      { type: 'tool-input-delta', id: 'call_a', delta: '{"city":' },
      { type: 'tool-input-delta', id: 'call_b', delta: '{"zone":' },
      { type: 'tool-input-delta', id: 'call_a', delta: '"Paris"}' },
      { type: 'tool-input-delta', id: 'call_b', delta: '"UTC"}' },
      { type: 'tool-input-end', id: 'call_b' },
      { type: 'tool-input-end', id: 'call_a' },
      finish('tool-calls'),
    ])
    const events = expectWellFormed(sse)
    const argumentsDone = events.filter((event) => event.name === 'response.function_call_arguments.done').map((event) => event.data)
    expect(argumentsDone).toMatchObject([
      { output_index: 2, name: 'get_time', arguments: '{"zone":"UTC"}' },
      { output_index: 1, name: 'get_weather', arguments: '{"city":"Paris"}' },
    ])

    const response = await finalResponse(sse)
    expect(response.status).toBe('completed')
    expect(response.output.map((item) => item.type)).toEqual(['message', 'function_call', 'function_call'])
    expect(response.output.slice(1)).toMatchObject([
      { type: 'function_call', id: expect.stringMatching(/^fc_/), call_id: 'call_a', name: 'get_weather', arguments: '{"city":"Paris"}', status: 'completed' },
      { type: 'function_call', call_id: 'call_b', name: 'get_time', arguments: '{"zone":"UTC"}', status: 'completed' },
    ])
  })

  test('a custom tool call streams its input with the custom_tool_call_input events', async () => {
    const patch = '*** Begin Patch\n*** Add File: a.txt\n+hi\n*** End Patch\n'
    const { sse, completed } = sseOf(
      [
        start,
        { type: 'tool-input-start', id: 'call_p', toolName: 'apply_patch', kind: 'custom' },
        { type: 'tool-input-delta', id: 'call_p', delta: patch.slice(0, 20) },
        { type: 'tool-input-delta', id: 'call_p', delta: patch.slice(20) },
        { type: 'tool-input-end', id: 'call_p' },
        finish('tool-calls'),
      ],
      { tools: [{ type: 'custom', name: 'apply_patch', format: { type: 'text' } }] },
    )
    const events = expectWellFormed(sse)
    expect(events.filter((event) => event.name?.startsWith('response.custom_tool_call_input')).map((event) => event.name)).toEqual([
      'response.custom_tool_call_input.delta',
      'response.custom_tool_call_input.delta',
      'response.custom_tool_call_input.done',
    ])
    const response = await finalResponse(sse)
    expect(response.output).toMatchObject([{ type: 'custom_tool_call', id: expect.stringMatching(/^ctc_/), call_id: 'call_p', name: 'apply_patch', input: patch }])
    expect(completed[0]!.output).toMatchObject([{ type: 'tool-call', kind: 'custom', toolCallId: 'call_p', input: patch }])
  })

  test('a namespaced tool call goes back under its own name and namespace', async () => {
    const tools = [{ type: 'namespace', name: 'multi_agent_v1', description: 'Agents.', tools: [{ type: 'function', name: 'spawn_agent', parameters: { type: 'object' } }] }]
    const { sse } = sseOf(
      [
        start,
        { type: 'tool-input-start', id: 'call_n', toolName: 'multi_agent_v1__spawn_agent', kind: 'function' },
        { type: 'tool-input-delta', id: 'call_n', delta: '{}' },
        { type: 'tool-input-end', id: 'call_n' },
        finish('tool-calls'),
      ],
      { tools },
    )
    const events = expectWellFormed(sse)
    expect(events.find((event) => event.name === 'response.function_call_arguments.done')!.data).toMatchObject({ name: 'spawn_agent' })
    const response = await finalResponse(sse)
    expect(response.output).toMatchObject([{ type: 'function_call', name: 'spawn_agent', namespace: 'multi_agent_v1', arguments: '{}' }])
  })

  test('finish by length ends with response.incomplete (max_output_tokens), the cut message incomplete', async () => {
    const { sse } = sseOf([start, ...text('t', 'Once upon'), finish('length')])
    const events = expectWellFormed(sse)
    expect(events.at(-1)!.name).toBe('response.incomplete')
    const response = await finalResponse(sse)
    expect(response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output_text: 'Once upon' })
    expect(response.output[0]).toMatchObject({ type: 'message', status: 'incomplete' })
  })

  test('a content filter ends with response.incomplete (content_filter)', async () => {
    const response = await finalResponse(sseOf([start, ...text('t', 'No.'), finish('content-filter')]).sse)
    expect(response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'content_filter' } })
  })

  test('an error part mid-stream ends with response.failed carrying error {code, message}, no error event', async () => {
    const overloaded = new GatewayError({ status: 529, type: 'overloaded', message: 'upstream overloaded' })
    const { sse, completed } = sseOf([start, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Par' }, { type: 'error', error: overloaded }])
    const events = expectWellFormed(sse)
    expect(events.at(-1)!.name).toBe('response.failed')
    expect(events.some((event) => event.name === 'error')).toBe(false)
    const response = await finalResponse(sse)
    expect(response).toMatchObject({ status: 'failed', error: { code: 'server_error', message: 'upstream overloaded' }, output_text: 'Par' })
    expect(response.output[0]).toMatchObject({ type: 'message', status: 'incomplete' })
    expect(completed[0]!.response.status).toBe('failed')
  })

  test('a rate-limited upstream failing mid-stream reports rate_limit_exceeded', async () => {
    const limited = new GatewayError({ status: 429, type: 'rate_limit', message: 'slow down' })
    const response = await finalResponse(sseOf([start, { type: 'error', error: limited }]).sse)
    expect(response.error).toEqual({ code: 'rate_limit_exceeded', message: 'slow down' })
  })

  test('a broken upstream before any part still gives created, in_progress, then failed; nothing is written after the end', () => {
    const serializer = createOpenAiResponsesStreamSerializer(contextFor())
    const sse = serializer.error(new GatewayError({ status: 502, type: 'upstream', message: 'The upstream stream broke off.' }))
    expect(expectWellFormed(sse).map((event) => event.name)).toEqual(['response.created', 'response.in_progress', 'response.failed'])
    expect(serializer.write({ type: 'text-start', id: 'late' })).toBe('')
    expect(serializer.error(new GatewayError({ status: 502, type: 'upstream', message: 'again' }))).toBe('')
  })

  test('keep-alive is an SSE comment, which no client parses as an event', () => {
    const serializer = createOpenAiResponsesStreamSerializer(contextFor())
    expect(serializer.keepAlive()).toBe(': keepalive\n\n')
    expect(eventsOf(serializer.keepAlive())).toEqual([])
  })

  test('the lifecycle events carry the echoed request fields', () => {
    const { sse } = sseOf([start, ...text('t', 'ok'), finish('stop')], { instructions: 'Be brief.', max_output_tokens: 50, store: false, metadata: { run: '7' } })
    const created = eventsOf(sse)[0]!.data as unknown as { response: Record<string, unknown> }
    expect(created.response).toMatchObject({ status: 'in_progress', instructions: 'Be brief.', max_output_tokens: 50, store: false, metadata: { run: '7' }, usage: null, output: [] })
  })
})

describe('the same stream through the AI SDK (OpenCode’s Responses provider)', () => {
  function aiSdkStream(sse: string) {
    const fetch = async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } })
    const provider = createOpenAI({ baseURL: 'http://gateway.test/v1', apiKey: 'test', fetch })
    const anyObject = jsonSchema<Record<string, unknown>>({ type: 'object' })
    return streamText({ model: provider.responses('client-model'), prompt: 'hi', tools: { get_weather: tool({ inputSchema: anyObject }), get_time: tool({ inputSchema: anyObject }) } })
  }

  test('text and reasoning: finishReason stop, reasoning kept apart from the text', async () => {
    const { sse } = sseOf([start, { type: 'reasoning-start', id: 'r' }, { type: 'reasoning-delta', id: 'r', delta: 'hmm' }, { type: 'reasoning-end', id: 'r' }, ...text('t', 'Hi ', 'there'), finish('stop')])
    const result = aiSdkStream(sse)
    expect(await result.text).toBe('Hi there')
    expect(await result.reasoningText).toBe('hmm')
    expect(await result.finishReason).toBe('stop')
    expect(await result.usage).toMatchObject({ inputTokens: 20, outputTokens: 7 })
  })

  test('parallel tool calls: finishReason tool-calls with both calls', async () => {
    const { sse } = sseOf([
      start,
      { type: 'tool-input-start', id: 'call_a', toolName: 'get_weather', kind: 'function' },
      { type: 'tool-input-start', id: 'call_b', toolName: 'get_time', kind: 'function' },
      { type: 'tool-input-delta', id: 'call_b', delta: '{}' },
      { type: 'tool-input-delta', id: 'call_a', delta: '{"city":"Oslo"}' },
      { type: 'tool-input-end', id: 'call_a' },
      { type: 'tool-input-end', id: 'call_b' },
      finish('tool-calls'),
    ])
    const result = aiSdkStream(sse)
    expect(await result.finishReason).toBe('tool-calls')
    expect((await result.toolCalls).map((call) => [call.toolName, call.input])).toEqual([
      ['get_weather', { city: 'Oslo' }],
      ['get_time', {}],
    ])
  })
})
