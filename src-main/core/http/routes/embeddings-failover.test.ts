import OpenAI from 'openai'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDeadLivePair, type DeadLivePair } from '../../test-support/start-dead-live-pair'

// /v1/embeddings on a virtual model: a refused connection on the first upstream moves on to the second.
let pair: DeadLivePair

beforeAll(async () => {
  pair = await startDeadLivePair({ model: 'text-embedding-3-small', virtualModel: 'embed' })
})
afterAll(() => pair?.close())

test('the openai SDK gets vectors from the second candidate, and the response names it', async () => {
  const client = new OpenAI({ baseURL: `${pair.gateway.url}/v1`, apiKey: pair.gateway.apiKey, maxRetries: 0 })
  const { data: result, response } = await client.embeddings.create({ model: 'embed', input: ['alpha', 'beta'], encoding_format: 'float' }).withResponse()
  expect(result.data).toHaveLength(2)
  expect(result.model).toBe('embed')
  expect(response.headers.get('x-omnillm-provider')).toBe('live')
  expect(response.headers.get('x-omnillm-model')).toBe('text-embedding-3-small')
  expect(pair.gateway.consoleLines.join('')).toContain('candidate failed; trying the next one')
})
