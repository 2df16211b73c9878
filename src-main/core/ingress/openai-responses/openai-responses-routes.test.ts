import { join } from 'node:path'
import { createOpenAI } from '@ai-sdk/openai'
import { generateText, jsonSchema, tool } from 'ai'
import { Hono } from 'hono'
import OpenAI from 'openai'
import { pino } from 'pino'
import { afterEach, describe, expect, test } from 'vitest'
import type { CifRequest, CifResult, CifStreamPart } from '../../cif'
import { GatewayError } from '../../errors/gateway-error'
import { errorResponse } from '../../http/error-dialect'
import type { GatewayEnv } from '../../http/gateway-env'
import type { Provider } from '../../providers/provider-definition'
import { openDatabase } from '../../store/open-database'
import { createOpenAiResponseRepository } from '../../store/openai-response-repository'
import type { Database } from '../../store/database'
import { useTempDirs } from '../../test-support/temp-dir'
import { openAiResponsesRoutes } from './openai-responses-routes'
import { routeFor } from '../../pipeline/resolve-route'

const tempDir = useTempDirs()
const databases: Database[] = []
afterEach(() => databases.splice(0).forEach((db) => db.close()))

/** A provider that answers from a script, one answer per call, and remembers what it was asked. */
function scriptedProvider(answers: Array<CifResult['content']>) {
  const requests: CifRequest[] = []
  const next = () => answers.shift() ?? [{ type: 'text' as const, text: 'fine' }]
  const usage = { inputTokens: 12, outputTokens: 3 }
  const provider: Provider = {
    id: 'scripted',
    type: 'scripted',
    dialect: 'anthropic-messages',
    listModels: async () => [],
    generate: async (request) => {
      requests.push(structuredClone(request))
      const content = next()
      return { content, finishReason: { unified: content.some((part) => part.type === 'tool-call') ? 'tool-calls' : 'stop' }, usage, warnings: [] }
    },
    stream: async (request) => {
      requests.push(structuredClone(request))
      const parts: CifStreamPart[] = [{ type: 'stream-start', warnings: [] }]
      next().forEach((part, index) => {
        const id = String(index)
        if (part.type === 'text') parts.push({ type: 'text-start', id }, { type: 'text-delta', id, delta: part.text }, { type: 'text-end', id })
        if (part.type === 'reasoning') parts.push({ type: 'reasoning-start', id, ...(part.origin ? { origin: part.origin } : {}) }, { type: 'reasoning-delta', id, delta: part.text }, ...(part.signature ? [{ type: 'reasoning-signature' as const, id, signature: part.signature }] : []), { type: 'reasoning-end', id })
        if (part.type === 'tool-call') parts.push({ type: 'tool-input-start', id: part.toolCallId, toolName: part.toolName, kind: part.kind }, { type: 'tool-input-delta', id: part.toolCallId, delta: part.input }, { type: 'tool-input-end', id: part.toolCallId })
      })
      parts.push({ type: 'finish', finishReason: { unified: 'stop' }, usage })
      return new ReadableStream({ start: (controller) => (parts.forEach((part) => controller.enqueue(part)), controller.close()) })
    },
  }
  return { provider, requests }
}

function gateway(answers: Array<CifResult['content']> = []) {
  const db = openDatabase(join(tempDir(), 'omnillm.db'))
  databases.push(db)
  const responses = createOpenAiResponseRepository(db)
  const { provider, requests } = scriptedProvider(answers)
  const app = new Hono<GatewayEnv>()
  app.use(async (c, next) => {
    c.set('requestId', 'req1')
    await next()
  })
  app.route('/', openAiResponsesRoutes({ resolve: async (model) => routeFor([{ provider, upstreamModel: `upstream-${model}`, nonStreamingFallback: false }]), logger: pino({ level: 'silent' }), responses }))
  app.notFound((c) => errorResponse(c, new GatewayError({ status: 404, type: 'not_found', code: 'unknown_route', message: `Unknown route: ${c.req.method} ${c.req.path}` })))
  app.onError((error, c) => errorResponse(c, GatewayError.isInstance(error) ? error : new GatewayError({ status: 500, type: 'internal', message: String(error) })))
  const fetch = async (input: string | URL | Request, init?: RequestInit) => app.request(input as string, init)
  const client = new OpenAI({ apiKey: 'test', baseURL: 'http://gateway.test/v1', maxRetries: 0, fetch })
  return { app, client, fetch, requests, responses }
}

describe('POST /v1/responses', () => {
  test('non-streaming: the answer is a Response for the client model, and GET returns it again', async () => {
    const { client, requests } = gateway([[{ type: 'text', text: 'Hello there' }]])
    const response = await client.responses.create({ model: 'gpt-x', input: 'hi', max_output_tokens: 40 })
    expect(response).toMatchObject({ object: 'response', status: 'completed', model: 'gpt-x', output_text: 'Hello there', store: true })
    expect(requests[0]).toMatchObject({ model: 'upstream-gpt-x', stream: false, maxOutputTokens: 40 })
    expect(await client.responses.retrieve(response.id)).toEqual(response)
  })

  test('store: false keeps nothing; GET is the official 404', async () => {
    const { app, client } = gateway()
    const response = await client.responses.create({ model: 'gpt-x', input: 'hi', store: false })
    const got = await app.request(`/v1/responses/${response.id}`)
    expect(got.status).toBe(404)
    expect(await got.json()).toEqual({ error: { message: `Response with id '${response.id}' not found.`, type: 'invalid_request_error', param: null, code: null } })
  })

  test('streaming: the SDK helper completes, and the streamed response is stored as the client saw it', async () => {
    const { client } = gateway([[{ type: 'reasoning', text: 'hmm' }, { type: 'text', text: 'Streamed.' }]])
    const final = await client.responses.stream({ model: 'gpt-x', input: 'hi' }).finalResponse()
    expect(final).toMatchObject({ status: 'completed', output_text: 'Streamed.' })
    const stored = await client.responses.retrieve(final.id)
    // The SDK's stream helper adds `parsed: null` to each output_text; the wire objects are otherwise the same.
    expect(stored.output).toEqual(JSON.parse(JSON.stringify(final.output, (key, value: unknown) => (key === 'parsed' ? undefined : value))))
    expect(stored.usage).toEqual(final.usage)
  })

  test('previous_response_id: the stored conversation and its output come first, in order; old instructions do not carry over', async () => {
    const { client, requests } = gateway([[{ type: 'reasoning', text: 'Plan.', signature: 'sig-1', origin: { dialect: 'anthropic' } }, { type: 'tool-call', toolCallId: 'call_1', toolName: 'lookup', kind: 'function', input: '{"q":"x"}' }], [{ type: 'text', text: 'Done.' }]])
    const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'lookup', parameters: { type: 'object' }, strict: false }]
    const first = await client.responses.stream({ model: 'gpt-x', instructions: 'Old rules.', input: [{ role: 'developer', content: 'Dev note.' }, { role: 'user', content: 'look it up' }], tools }).finalResponse()
    const call = first.output.find((item) => item.type === 'function_call')!
    expect(call).toMatchObject({ call_id: 'call_1', name: 'lookup' })

    const second = await client.responses.create({ model: 'gpt-x', previous_response_id: first.id, instructions: 'New rules.', input: [{ type: 'function_call_output', call_id: 'call_1', output: 'found' }], tools })
    expect(second).toMatchObject({ output_text: 'Done.', previous_response_id: first.id, instructions: 'New rules.' })
    expect(requests[1]!.system).toEqual([
      { type: 'text', text: 'New rules.' },
      { type: 'text', text: 'Dev note.' },
    ])
    expect(requests[1]!.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'look it up' }] },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'Plan.', signature: 'sig-1', origin: { dialect: 'anthropic' }, itemId: first.output[0]!.id },
          { type: 'tool-call', toolCallId: 'call_1', toolName: 'lookup', kind: 'function', input: '{"q":"x"}', itemId: call.id },
        ],
      },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', toolName: 'lookup', kind: 'function', content: [{ type: 'text', text: 'found' }] }] },
    ])

    // A chain: the third turn sees both earlier turns.
    await client.responses.create({ model: 'gpt-x', previous_response_id: second.id, input: 'thanks' })
    expect(requests[2]!.system).toEqual([{ type: 'text', text: 'Dev note.' }])
    expect(requests[2]!.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'user'])
  })

  test('an unknown previous_response_id is the official 400 previous_response_not_found', async () => {
    const { app, requests } = gateway()
    const answer = await app.request('/v1/responses', { method: 'POST', body: JSON.stringify({ model: 'gpt-x', input: 'hi', previous_response_id: 'resp_nope' }) })
    expect(answer.status).toBe(400)
    expect(await answer.json()).toEqual({ error: { message: "Previous response with id 'resp_nope' not found.", type: 'invalid_request_error', param: 'previous_response_id', code: 'previous_response_not_found' } })
    expect(requests).toEqual([])
  })

  test('item_reference: an item of a stored response is looked up and used in place', async () => {
    const { client, requests } = gateway([[{ type: 'text', text: 'First answer.' }]])
    const first = await client.responses.create({ model: 'gpt-x', input: [{ type: 'message', id: 'msg_question', role: 'user', content: 'question?' }] as unknown as OpenAI.Responses.ResponseInput })
    await client.responses.create({ model: 'gpt-x', input: [{ type: 'item_reference', id: 'msg_question' }, { type: 'item_reference', id: first.output[0]!.id! }, { role: 'user', content: 'more' }] })
    expect(requests[1]!.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'question?' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'First answer.' }] },
      { role: 'user', content: [{ type: 'text', text: 'more' }] },
    ])
  })

  test('bad input is a 400 in the OpenAI shape naming the field', async () => {
    const { client } = gateway()
    const error = await client.responses.create({ model: 'gpt-x', input: [{ role: 'user', content: [{ type: 'input_text' } as never] }] }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('input.0.content.0.text')
  })

  test('the AI SDK (OpenCode’s openai provider): a tool call, then its result in a second step', async () => {
    const { fetch, requests } = gateway([[{ type: 'tool-call', toolCallId: 'call_w', toolName: 'get_weather', kind: 'function', input: '{"city":"Oslo"}' }], [{ type: 'text', text: 'Sunny.' }]])
    const provider = createOpenAI({ baseURL: 'http://gateway.test/v1', apiKey: 'test', fetch })
    const result = await generateText({
      model: provider.responses('gpt-x'),
      prompt: 'weather?',
      tools: { get_weather: tool({ inputSchema: jsonSchema<{ city: string }>({ type: 'object', properties: { city: { type: 'string' } } }), execute: async () => 'sunny' }) },
      stopWhen: ({ steps }) => steps.length >= 2,
    })
    expect(result.text).toBe('Sunny.')
    expect(result.steps[0]!.finishReason).toBe('tool-calls')
    expect(requests[1]!.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool'])
  })
})

describe('GET /v1/responses', () => {
  test('a WebSocket upgrade attempt (Codex) is refused at once with 426, so Codex falls back to HTTP', async () => {
    const { app } = gateway()
    const answer = await app.request('/v1/responses', { headers: { connection: 'Upgrade', upgrade: 'websocket', 'openai-beta': 'responses_websockets=2026-02-06' } })
    expect(answer.status).toBe(426)
    expect(await answer.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'websocket_not_supported' } })
  })

  test('a plain GET is an unknown route', async () => {
    const { app } = gateway()
    const answer = await app.request('/v1/responses')
    expect(answer.status).toBe(404)
    expect(await answer.json()).toMatchObject({ error: { code: 'unknown_route' } })
  })
})
