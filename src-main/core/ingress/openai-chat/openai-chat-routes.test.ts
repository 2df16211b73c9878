import { Hono } from 'hono'
import OpenAI from 'openai'
import { pino } from 'pino'
import { describe, expect, test } from 'vitest'
import type { CifRequest, CifResult, CifStreamPart } from '../../cif'
import { GatewayError } from '../../errors/gateway-error'
import { errorResponse } from '../../http/error-dialect'
import type { GatewayEnv } from '../../http/gateway-env'
import type { PassthroughRequest, Provider } from '../../providers/provider-definition'
import { openAiChatRoutes } from './openai-chat-routes'
import { routeFor } from '../../pipeline/resolve-route'

/** A provider that answers "Hi there" and remembers what it was asked. */
function fakeProvider(dialect: Provider['dialect'] = 'anthropic-messages') {
  const requests: CifRequest[] = []
  const passthroughs: PassthroughRequest[] = []
  const result: CifResult = { content: [{ type: 'text', text: 'Hi there' }], finishReason: { unified: 'stop' }, usage: { inputTokens: 9, outputTokens: 2 }, warnings: [] }
  const parts: CifStreamPart[] = [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: 'Hi ' },
    { type: 'text-delta', id: 't', delta: 'there' },
    { type: 'text-end', id: 't' },
    { type: 'finish', finishReason: { unified: 'stop' }, usage: { inputTokens: 9, outputTokens: 2 } },
  ]
  const provider: Provider = {
    id: 'fake',
    type: 'fake',
    dialect,
    listModels: async () => [],
    generate: async (request) => (requests.push(request), result),
    stream: async (request) => {
      requests.push(request)
      return new ReadableStream({ start: (controller) => (parts.forEach((part) => controller.enqueue(part)), controller.close()) })
    },
  }
  if (dialect === 'openai-chat') {
    provider.passthrough = async (request) => {
      passthroughs.push(request)
      const body = JSON.stringify({ id: 'chatcmpl-direct', object: 'chat.completion', created: 1, model: 'up', choices: [{ index: 0, message: { role: 'assistant', content: 'direct', refusal: null }, logprobs: null, finish_reason: 'stop' }] })
      return { status: 200, contentType: 'application/json', body: new Response(body).body! }
    }
  }
  return { provider, requests, passthroughs }
}

function clientFor(provider: Provider): OpenAI {
  const app = new Hono<GatewayEnv>()
  app.use(async (c, next) => {
    c.set('requestId', 'req1')
    await next()
  })
  app.route('/', openAiChatRoutes({ resolve: async (model) => routeFor([{ provider, upstreamModel: `upstream-${model}`, nonStreamingFallback: false }]), logger: pino({ level: 'silent' }) }))
  app.onError((error, c) => errorResponse(c, GatewayError.isInstance(error) ? error : new GatewayError({ status: 500, type: 'internal', message: String(error) })))
  return new OpenAI({ apiKey: 'test', baseURL: 'http://gateway.test/v1', maxRetries: 0, fetch: async (input, init) => app.request(input as string, init as RequestInit) })
}

const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'hi' }]

describe('POST /v1/chat/completions', () => {
  test('non-streaming: the CIF request reaches the provider; the answer is a chat.completion for the client model', async () => {
    const { provider, requests } = fakeProvider()
    const completion = await clientFor(provider).chat.completions.create({ model: 'gpt-x', messages, max_completion_tokens: 20 })
    expect(completion).toMatchObject({ id: 'chatcmpl-req1', model: 'gpt-x', choices: [{ message: { content: 'Hi there' }, finish_reason: 'stop' }] })
    expect(requests[0]).toMatchObject({ model: 'upstream-gpt-x', stream: false, maxOutputTokens: 20 })
  })

  test('streaming honours each request’s own stream_options.include_usage', async () => {
    const { provider } = fakeProvider()
    const client = clientFor(provider)
    const withUsage = await client.chat.completions.stream({ model: 'gpt-x', messages, stream_options: { include_usage: true } }).finalChatCompletion()
    expect(withUsage.choices[0]!.message.content).toBe('Hi there')
    expect(withUsage.usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 })
    const withoutUsage = await client.chat.completions.stream({ model: 'gpt-x', messages }).finalChatCompletion()
    expect(withoutUsage.usage).toBeUndefined()
  })

  test('an openai-chat upstream gets the client body as it is, with the upstream model', async () => {
    const { provider, passthroughs, requests } = fakeProvider('openai-chat')
    const completion = await clientFor(provider).chat.completions.create({ model: 'gpt-x', messages, service_tier: 'flex' })
    expect(completion.choices[0]!.message.content).toBe('direct')
    expect(passthroughs).toEqual([{ operation: 'openai-chat', stream: false, body: { model: 'upstream-gpt-x', messages, service_tier: 'flex' } }])
    expect(requests).toEqual([])
  })

  test('bad input is a 400 in OpenAI shape naming the field', async () => {
    const { provider } = fakeProvider()
    const failure = await clientFor(provider)
      .chat.completions.create({ model: 'gpt-x', messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'x', format: 'wav' } }] }] })
      .catch((caught: unknown) => caught)
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError)
    expect((failure as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('messages.0.content.0.type: audio input')
    expect((failure as InstanceType<typeof OpenAI.BadRequestError>).type).toBe('invalid_request_error')
  })
})
