import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startOpenAiChatMock, type OpenAiChatMock } from './openai-chat-mock'

let mock: OpenAiChatMock
let client: OpenAI

beforeAll(async () => {
  mock = await startOpenAiChatMock({ apiKey: 'sk-sdk-test' })
  client = new OpenAI({ baseURL: mock.url, apiKey: 'sk-sdk-test', maxRetries: 0 })
})
afterAll(() => mock.close())

/** The official SDK parses the mock's answers: proof that the mock speaks the real wire. */
describe('openai chat mock: the official openai SDK', () => {
  test('chat.completions.create', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 50 })
    expect(completion.choices[0]!.message.content).toBe('Hello from the mock upstream.')
    expect(completion.choices[0]!.finish_reason).toBe('stop')
    expect(completion.usage!.total_tokens).toBeGreaterThan(0)
  })

  test('chat.completions.stream() assembles text, tool calls and usage', async () => {
    const stream = client.chat.completions.stream({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'PARALLEL_TOOLS' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
      stream_options: { include_usage: true },
    })
    const final = await stream.finalChatCompletion()
    expect(final.choices[0]!.finish_reason).toBe('tool_calls')
    const calls = final.choices[0]!.message.tool_calls!.map((call) => (call.type === 'function' ? [call.function.name, call.function.arguments] : []))
    expect(calls).toEqual([
      ['get_weather', '{"city":"Paris"}'],
      ['get_weather', '{"city":"London"}'],
    ])
    expect(final.usage!.prompt_tokens).toBeGreaterThan(0)
  })

  test('raw stream iteration sees every text delta', async () => {
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'UNICODE' }], stream: true })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    expect(text).toBe('héllo wörld 🌍 日本語')
  })

  test('errors surface as the SDK’s typed errors with the upstream status', async () => {
    const failure = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ERROR:429' }] }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(OpenAI.RateLimitError)
    expect((failure as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('7')
  })

  test('models.list and embeddings.create', async () => {
    const models = await client.models.list()
    expect(models.data.map((model) => model.id)).toContain('gpt-4o-mini')
    const embeddings = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] })
    expect(embeddings.data).toHaveLength(2)
    expect(embeddings.data[0]!.embedding.length).toBeGreaterThan(0)
  })
})
