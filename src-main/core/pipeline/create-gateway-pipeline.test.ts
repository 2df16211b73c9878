import { pino } from 'pino'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { UpstreamError } from '../errors/upstream-error'
import { createUpstreamHttpClient } from '../providers/http/upstream-http-client'
import { providerDefinitions } from '../providers/registry'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { createGatewayPipeline } from './create-gateway-pipeline'

let mock: OpenAiChatMock
beforeAll(async () => {
  mock = await startOpenAiChatMock()
})
afterAll(() => mock.close())

test('the SSRF check on every call: a host name that resolves to loopback is refused without the opt-in', async () => {
  // "mock.test" passes the start-up check (a name), and resolves, through the injected lookup, to the loopback mock.
  const port = new URL(mock.url).port
  const lookups: string[] = []
  const lookup = async (hostname: string) => (lookups.push(hostname), [{ address: '127.0.0.1', family: 4 as const }])
  const pipeline = (allowLocalEndpoints: boolean) =>
    createGatewayPipeline({
      providerConfigs: [{ id: 'named', type: 'openai-compatible', baseUrl: `http://mock.test:${port}/v1`, models: ['mock-gpt'], priority: 0, enabled: true }],
      definitions: providerDefinitions,
      logger: pino({ level: 'silent' }),
      allowLocalEndpoints,
      http: createUpstreamHttpClient({ allowLocalEndpoints, lookup }),
    })
  const request = { model: 'mock-gpt', system: [], messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] }], stream: false }
  const options = { signal: new AbortController().signal, clientHeaders: {}, requestId: 'ssrf' }

  const guarded = pipeline(false)
  const route = await guarded.resolve('named:mock-gpt')
  const error = await route.provider.generate(request, options).then(
    () => undefined,
    (failure: unknown) => failure,
  )
  await guarded.close()
  expect(UpstreamError.isUpstreamError(error)).toBe(true)
  expect(error).toMatchObject({ status: 502, code: 'endpoint_blocked', instanceId: 'named' })
  expect((error as Error).message).toContain('mock.test resolves to 127.0.0.1, which is a loopback address')
  expect((error as Error).message).toContain('--allow-local-endpoints')
  expect(mock.requests).toEqual([])
  expect(lookups).toEqual(['mock.test'])

  const allowed = pipeline(true)
  const result = await (await allowed.resolve('named:mock-gpt')).provider.generate(request, options)
  await allowed.close()
  expect(result.content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
  expect(mock.requests.map((recorded) => recorded.headers.host)).toEqual([`mock.test:${port}`])
})
