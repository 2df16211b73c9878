import OpenAI from 'openai'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { closedPort } from '../../test-support/closed-port'
import { startOpenAiChatMock, type OpenAiChatMock } from '../../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../../test-support/start-test-host'

// /v1/embeddings on a virtual model: a refused connection on the first upstream moves on to the second.
let mock: OpenAiChatMock
let gateway: TestHost

beforeAll(async () => {
  mock = await startOpenAiChatMock()
  gateway = await startTestHost({
    config: {
      providers: [
        { id: 'dead', type: 'openai-compatible', baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, models: ['text-embedding-3-small'] },
        { id: 'live', type: 'openai-compatible', baseUrl: mock.url, models: ['text-embedding-3-small'] },
      ],
      virtualModels: [
        {
          id: 'embed',
          strategy: 'priority',
          upstreams: [
            { provider: 'dead', model: 'text-embedding-3-small', priority: 0 },
            { provider: 'live', model: 'text-embedding-3-small', priority: 1 },
          ],
        },
      ],
    },
  })
})
afterAll(async () => {
  await gateway?.close()
  await mock?.close()
})

test('the openai SDK gets vectors from the second candidate, and the response names it', async () => {
  const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gateway.apiKey, maxRetries: 0 })
  const { data: result, response } = await client.embeddings.create({ model: 'embed', input: ['alpha', 'beta'], encoding_format: 'float' }).withResponse()
  expect(result.data).toHaveLength(2)
  expect(result.model).toBe('embed')
  expect(response.headers.get('x-omnillm-provider')).toBe('live')
  expect(response.headers.get('x-omnillm-model')).toBe('text-embedding-3-small')
  expect(gateway.consoleLines.join('')).toContain('candidate failed; trying the next one')
})
