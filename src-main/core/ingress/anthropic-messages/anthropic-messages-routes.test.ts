import Anthropic from '@anthropic-ai/sdk'
import { Hono } from 'hono'
import { pino } from 'pino'
import { describe, expect, test } from 'vitest'
import type { CifRequest, CifResult, CifStreamPart } from '../../cif'
import { GatewayError } from '../../errors/gateway-error'
import { UpstreamError } from '../../errors/upstream-error'
import { errorResponse } from '../../http/error-dialect'
import type { GatewayEnv } from '../../http/gateway-env'
import type { PassthroughRequest, Provider } from '../../providers/provider-definition'
import { estimateInputTokens } from '../../tokens/estimate-input-tokens'
import { anthropicMessagesRoutes } from './anthropic-messages-routes'
import { parseAnthropicCountTokensRequest } from './parse-anthropic-count-tokens-request'
import { routeFor } from '../../pipeline/resolve-route'

interface FakeOptions {
  dialect?: Provider['dialect']
  passthrough?: (request: PassthroughRequest) => Promise<Response>
  countTokens?: (request: CifRequest) => Promise<number>
}

/** A provider that answers "Hi there" and remembers what it was asked. */
function fakeProvider(options: FakeOptions = {}) {
  const requests: CifRequest[] = []
  const passthroughs: PassthroughRequest[] = []
  const result: CifResult = { id: 'up-1', content: [{ type: 'text', text: 'Hi there' }], finishReason: { unified: 'stop' }, usage: { inputTokens: 9, outputTokens: 2 }, warnings: [] }
  const parts: CifStreamPart[] = [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: 'Hi ' },
    { type: 'text-delta', id: 't', delta: 'there' },
    { type: 'text-end', id: 't' },
    { type: 'finish', finishReason: { unified: 'stop' }, usage: { outputTokens: 2 } },
  ]
  const provider: Provider = {
    id: 'fake',
    type: 'fake',
    dialect: options.dialect ?? 'openai-chat',
    listModels: async () => [],
    generate: async (request) => {
      requests.push(request)
      return result
    },
    stream: async (request) => {
      requests.push(request)
      return new ReadableStream({
        start(controller) {
          for (const part of parts) controller.enqueue(part)
          controller.close()
        },
      })
    },
  }
  if (options.passthrough) {
    const passthrough = options.passthrough
    provider.passthrough = async (request) => {
      passthroughs.push(request)
      const response = await passthrough(request)
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: response.body! }
    }
  }
  if (options.countTokens) provider.countTokens = options.countTokens
  return { provider, requests, passthroughs }
}

function appFor(provider: Provider): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>()
  app.use(async (c, next) => {
    c.set('requestId', 'req0000000000abc')
    await next()
  })
  app.route('/', anthropicMessagesRoutes({ resolve: async (model) => routeFor([{ provider, upstreamModel: `upstream-${model}`, nonStreamingFallback: false }]), logger: pino({ level: 'silent' }) }))
  app.onError((error, c) => errorResponse(c, GatewayError.isInstance(error) ? error : new GatewayError({ status: 500, type: 'internal', message: String(error) })))
  return app
}

function clientFor(provider: Provider): Anthropic {
  const app = appFor(provider)
  return new Anthropic({ apiKey: 'test', baseURL: 'http://gateway.test', maxRetries: 0, fetch: async (input, init) => app.request(input as string, init as RequestInit) })
}

function post(app: Hono<GatewayEnv>, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
}

const question = { model: 'claude-sonnet-5', max_tokens: 64, system: 'Be terse.', messages: [{ role: 'user' as const, content: 'Say hi' }] }

describe('POST /v1/messages', () => {
  test('non-streaming: the CIF request reaches the provider; the answer is a Message for the client model', async () => {
    const { provider, requests } = fakeProvider()
    const message = await clientFor(provider).messages.create(question)
    expect(requests[0]).toMatchObject({ model: 'upstream-claude-sonnet-5', system: [{ type: 'text', text: 'Be terse.' }], maxOutputTokens: 64, stream: false })
    expect(message).toMatchObject({ id: 'msg_req0000000000abc', model: 'claude-sonnet-5', content: [{ type: 'text', text: 'Hi there' }], stop_reason: 'end_turn' })
    expect(message.usage).toMatchObject({ input_tokens: 9, output_tokens: 2 })
  })

  test('streaming: the SDK accumulates the answer; message_start carries the local estimate when the upstream is silent', async () => {
    const { provider } = fakeProvider()
    const stream = clientFor(provider).messages.stream(question)
    let startInputTokens = -1
    stream.on('streamEvent', (event) => {
      if (event.type === 'message_start') startInputTokens = event.message.usage.input_tokens
    })
    const message = await stream.finalMessage()
    expect(message.content).toEqual([{ type: 'text', text: 'Hi there' }])
    expect(startInputTokens).toBe(estimateInputTokens(parseAnthropicCountTokensRequest(question, {}).request))
    expect(startInputTokens).toBeGreaterThan(0)
  })

  test("Claude Code's ?beta=true and any anthropic-version / anthropic-beta are accepted", async () => {
    const { provider } = fakeProvider()
    const response = await post(appFor(provider), '/v1/messages?beta=true', question, { 'anthropic-version': '2099-12-31', 'anthropic-beta': 'future-feature-2099-01-01' })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-omnillm-provider')).toBe('fake')
  })

  test('an Anthropic upstream with passthrough gets the body as sent, model replaced', async () => {
    const { provider, requests, passthroughs } = fakeProvider({
      dialect: 'anthropic-messages',
      passthrough: async () => Response.json({ id: 'msg_direct', type: 'message', role: 'assistant', model: 'x', content: [], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } }),
    })
    const body = { ...question, context_management: { edits: [] } }
    const response = await post(appFor(provider), '/v1/messages?beta=true', body)
    expect(await response.json()).toMatchObject({ id: 'msg_direct' })
    expect(passthroughs).toEqual([{ operation: 'anthropic-messages', body: { ...body, model: 'upstream-claude-sonnet-5' }, stream: false }])
    expect(requests).toEqual([])
  })

  test('bad input: a 400 in the Anthropic error shape, naming the field', async () => {
    const { provider } = fakeProvider()
    const response = await post(appFor(provider), '/v1/messages', { model: 'm', messages: [{ role: 'user', content: 'x' }] })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Invalid input: expected number, received undefined' } })
  })
})

describe('POST /v1/messages/count_tokens', () => {
  const countBody = { model: 'claude-sonnet-5', messages: [{ role: 'user', content: 'How many tokens is this?' }] }

  test('an Anthropic upstream with passthrough counts: the body is forwarded, the count is exact', async () => {
    const { provider, passthroughs } = fakeProvider({ dialect: 'anthropic-messages', passthrough: async () => Response.json({ input_tokens: 17 }) })
    const response = await post(appFor(provider), '/v1/messages/count_tokens?beta=true', countBody)
    expect(await response.json()).toEqual({ input_tokens: 17 })
    expect(response.headers.get('x-omnillm-token-estimate')).toBe('false')
    expect(passthroughs).toEqual([{ operation: 'anthropic-count-tokens', body: { ...countBody, model: 'upstream-claude-sonnet-5' }, stream: false }])
  })

  test('a provider with a counting API counts the CIF request', async () => {
    const counted: CifRequest[] = []
    const { provider } = fakeProvider({ countTokens: async (request) => (counted.push(request), 23) })
    const response = await post(appFor(provider), '/v1/messages/count_tokens', countBody)
    expect(await response.json()).toEqual({ input_tokens: 23 })
    expect(response.headers.get('x-omnillm-token-estimate')).toBe('false')
    expect(counted[0]).toMatchObject({ model: 'upstream-claude-sonnet-5', messages: [{ role: 'user', content: [{ type: 'text', text: 'How many tokens is this?' }] }] })
  })

  test('otherwise the local estimate answers, and says so; the Anthropic SDK reads it', async () => {
    const { provider } = fakeProvider()
    const response = await post(appFor(provider), '/v1/messages/count_tokens', countBody)
    const expected = estimateInputTokens(parseAnthropicCountTokensRequest(countBody, {}).request)
    expect(await response.json()).toEqual({ input_tokens: expected })
    expect(response.headers.get('x-omnillm-token-estimate')).toBe('true')
    const counted = await clientFor(provider).messages.countTokens({ model: 'claude-sonnet-5', messages: [{ role: 'user', content: 'How many tokens is this?' }] })
    expect(counted.input_tokens).toBe(expected)
  })

  test('an upstream without a counting endpoint (404) falls back to the estimate; other failures reach the client', async () => {
    const missing = fakeProvider({
      countTokens: async () => {
        throw new UpstreamError({ instanceId: 'fake', status: 404, message: 'Not found' })
      },
    })
    const fallback = await post(appFor(missing.provider), '/v1/messages/count_tokens', countBody)
    expect(fallback.status).toBe(200)
    expect(fallback.headers.get('x-omnillm-token-estimate')).toBe('true')

    const limited = fakeProvider({
      countTokens: async () => {
        throw new UpstreamError({ instanceId: 'fake', status: 429, message: 'Slow down', retryAfter: '3' })
      },
    })
    const failure = await post(appFor(limited.provider), '/v1/messages/count_tokens', countBody)
    expect(failure.status).toBe(429)
    expect(failure.headers.get('retry-after')).toBe('3')
    expect(await failure.json()).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: 'Slow down' } })
  })

  test('count_tokens needs no max_tokens but still validates', async () => {
    const { provider } = fakeProvider()
    const response = await post(appFor(provider), '/v1/messages/count_tokens', { model: 'm', messages: [{ role: 'user', content: [{ type: 'txt', text: 'x' }] }] })
    expect(response.status).toBe(400)
    expect((await response.json()) as unknown).toMatchObject({ error: { message: expect.stringMatching(/^messages\.0\.content\.0\.type: unknown type "txt"/) } })
  })
})
