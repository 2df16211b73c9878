import OpenAI, { AzureOpenAI } from 'openai'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startAzureOpenAiMock, type AzureOpenAiMock } from './azure-openai-mock'

const apiKey = 'azure-sdk-test-key'
let mock: AzureOpenAiMock

beforeAll(async () => {
  mock = await startAzureOpenAiMock({ apiKey })
})
afterAll(() => mock.close())

const tools: OpenAI.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }]

/** The official clients parse the mock's answers: proof that it speaks Azure's wire on both surfaces. */
describe('azure mock: the openai SDK’s AzureOpenAI client (deployments surface)', () => {
  const client = () => new AzureOpenAI({ endpoint: mock.url, apiKey, apiVersion: '2024-10-21', deployment: 'prod-gpt', maxRetries: 0 })

  test('chat.completions.create', async () => {
    const completion = await client().chat.completions.create({ model: 'prod-gpt', messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 50 })
    expect(completion.choices[0]!.message.content).toBe('Hello from the mock upstream.')
    expect(mock.requests.at(-1)).toMatchObject({ path: '/openai/deployments/prod-gpt/chat/completions', query: { 'api-version': '2024-10-21' } })
  })

  test('chat.completions.stream() assembles tool calls through the filter chunks', async () => {
    const stream = client().chat.completions.stream({ model: 'prod-gpt', tools, messages: [{ role: 'user', content: 'PARALLEL_TOOLS' }], stream_options: { include_usage: true } })
    const final = await stream.finalChatCompletion()
    const calls = final.choices[0]!.message.tool_calls! as OpenAI.ChatCompletionMessageFunctionToolCall[]
    expect(calls.map((call) => JSON.parse(call.function.arguments))).toEqual([{ city: 'Paris' }, { city: 'London' }])
    expect(final.usage!.total_tokens).toBeGreaterThan(0)
  })

  test('a filtered stream ends with finish_reason content_filter', async () => {
    const final = await client().chat.completions.stream({ model: 'prod-gpt', messages: [{ role: 'user', content: 'FILTERED' }] }).finalChatCompletion()
    expect(final.choices[0]!.finish_reason).toBe('content_filter')
  })

  test('the content-filter 400 is a BadRequestError with code content_filter', async () => {
    const error = await client()
      .chat.completions.create({ model: 'prod-gpt', messages: [{ role: 'user', content: 'ERROR:400FILTER' }] })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).code).toBe('content_filter')
  })

  test('embeddings', async () => {
    const embedClient = new AzureOpenAI({ endpoint: mock.url, apiKey, apiVersion: '2024-10-21', deployment: 'prod-embed', maxRetries: 0 })
    const response = await embedClient.embeddings.create({ model: 'prod-embed', input: ['one', 'two'] })
    expect(response.data).toHaveLength(2)
  })
})

describe('azure mock: the plain OpenAI client on the v1 surface', () => {
  const client = () => new OpenAI({ baseURL: `${mock.url}/openai/v1/`, apiKey, maxRetries: 0 })

  test('chat.completions.create with the deployment as model (key as Bearer)', async () => {
    const completion = await client().chat.completions.create({ model: 'prod-gpt', messages: [{ role: 'user', content: 'hi' }] })
    expect(completion.model).toBe('mock-gpt')
    expect(mock.requests.at(-1)).toMatchObject({ path: '/openai/v1/chat/completions', query: {} })
  })

  test('an unknown deployment is a NotFoundError', async () => {
    const error = await client()
      .chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.NotFoundError)
  })
})
