import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hasUpstreams, startConformanceGateway, upstreams, type ConformanceGateway } from '../test-support/start-conformance-gateway'
import { tinyPngDataUrl, weatherTool } from './tiny-png'

/** The official openai SDK → the gateway's /v1/chat/completions → each upstream dialect. */
let setup: ConformanceGateway
let client: OpenAI

beforeAll(async () => {
  setup = await startConformanceGateway()
  client = new OpenAI({ baseURL: `${setup.gateway.url}/v1`, apiKey: setup.gateway.apiKey, maxRetries: 0 })
})
afterAll(() => setup.close())

const tools: OpenAI.ChatCompletionTool[] = [{ type: 'function', function: { ...weatherTool, parameters: { ...weatherTool.parameters } } }]

describe.each(upstreams)('openai SDK → /v1/chat/completions → $name upstream', ({ name, model }) => {
  test('text: create', async () => {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Say hello' }] })
    expect(completion.choices[0]!.message.content).toBe('Hello from the mock upstream.')
    expect(completion.choices[0]!.finish_reason).toBe('stop')
    expect(completion.usage!.prompt_tokens).toBeGreaterThan(0)
    expect(completion.usage!.completion_tokens).toBeGreaterThan(0)
  })

  test('text: stream().finalChatCompletion() with usage in the stream', async () => {
    const stream = client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'Say hello' }], stream_options: { include_usage: true } })
    const completion = await stream.finalChatCompletion()
    expect(completion.choices[0]!.message.content).toBe('Hello from the mock upstream.')
    expect(completion.choices[0]!.finish_reason).toBe('stop')
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0)
  })

  test('multi-byte characters split across upstream chunks arrive intact', async () => {
    const completion = await client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'UNICODE' }] }).finalChatCompletion()
    expect(completion.choices[0]!.message.content).toBe('héllo wörld 🌍 日本語')
  })

  test('streamed tool call, then the tool result round trip', async () => {
    const first = await client.chat.completions
      .stream({ model, tools, messages: [{ role: 'user', content: 'TOOLCALL:get_weather:{"city":"Paris"}' }] })
      .finalChatCompletion()
    const choice = first.choices[0]!
    expect(choice.finish_reason).toBe('tool_calls')
    const call = choice.message.tool_calls![0]! as OpenAI.ChatCompletionMessageFunctionToolCall
    expect(call.function.name).toBe('get_weather')
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Paris' })

    const second = await client.chat.completions.create({
      model,
      tools,
      messages: [
        { role: 'user', content: 'TOOLCALL:get_weather:{"city":"Paris"}' },
        { role: 'assistant', content: '', tool_calls: [call] },
        { role: 'tool', tool_call_id: call.id, content: '18°C and sunny' },
      ],
    })
    expect(second.choices[0]!.message.content).toBe('Tool said: 18°C and sunny')
  })

  test('parallel tool calls, streamed', async () => {
    const completion = await client.chat.completions.stream({ model, tools, messages: [{ role: 'user', content: 'PARALLEL_TOOLS' }] }).finalChatCompletion()
    const calls = completion.choices[0]!.message.tool_calls! as OpenAI.ChatCompletionMessageFunctionToolCall[]
    expect(calls.map((call) => JSON.parse(call.function.arguments))).toEqual([{ city: 'Paris' }, { city: 'London' }])
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls')
  })

  test('reasoning arrives as reasoning_content, never in the answer text', async () => {
    const body = { model, messages: [{ role: 'user' as const, content: 'WITHTHINKING please' }], reasoning_effort: 'low' as const }
    const completion = await client.chat.completions.create(body)
    const message = completion.choices[0]!.message as OpenAI.ChatCompletionMessage & { reasoning_content?: string }
    expect(message.content).toBe('Hello from the mock upstream.')
    expect(message.reasoning_content?.length).toBeGreaterThan(0)

    const streamed = await client.chat.completions.create({ ...body, stream: true })
    let reasoning = ''
    let text = ''
    for await (const chunk of streamed) {
      const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string } | undefined
      reasoning += delta?.reasoning_content ?? ''
      text += delta?.content ?? ''
    }
    expect(text).toBe('Hello from the mock upstream.')
    expect(reasoning.length).toBeGreaterThan(0)
  })

  test('images (data URL)', async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: tinyPngDataUrl } }, { type: 'text', text: 'What is this?' }] }],
    })
    expect(completion.choices[0]!.message.content).toBe('Hello from the mock upstream. (saw 1 image(s))')
  })

  test('cache usage is reported as cached_tokens', async () => {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'CACHE' }] })
    expect(completion.usage!.prompt_tokens_details?.cached_tokens).toBe(100)
    expect(completion.usage!.prompt_tokens).toBeGreaterThanOrEqual(100)
  })

  test('stop reasons: length', async () => {
    const completion = await client.chat.completions.create({ model, max_completion_tokens: 5, messages: [{ role: 'user', content: 'MAXTOKENS' }] })
    expect(completion.choices[0]!.finish_reason).toBe('length')
    const streamed = await client.chat.completions.stream({ model, max_completion_tokens: 5, messages: [{ role: 'user', content: 'MAXTOKENS' }] }).finalChatCompletion()
    expect(streamed.choices[0]!.finish_reason).toBe('length')
  })

  test('a mid-stream upstream error makes the SDK throw', async () => {
    const stream = client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'MIDSTREAM_ERROR' }] })
    await expect(stream.finalChatCompletion()).rejects.toThrow()
  })

  test('an upstream 429 reaches the client as a 429 with Retry-After, streaming or not', async () => {
    for (const stream of [false, true]) {
      const error = await client.chat.completions
        .create({ model, stream, messages: [{ role: 'user', content: 'ERROR:429' }] })
        .then(() => undefined, (caught: unknown) => caught)
      expect(error, `stream=${stream}`).toBeInstanceOf(OpenAI.RateLimitError)
      expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after')).toBe('7')
    }
  })

  test(`models list names the ${name} instance's models with their prefix`, async () => {
    const ids = (await client.models.list()).data.map((model) => model.id)
    expect(ids).toContain(model)
  })
})

describe.runIf(hasUpstreams('openai-compatible'))('quirky upstream streams (openai-compatible)', () => {
  test.each(['quirk-empty-choices', 'quirk-args-first-chunk', 'quirk-tooluse-ids'])('%s still yields a clean tool call', async (quirk) => {
    const completion = await client.chat.completions
      .stream({ model: `oa:${quirk}`, tools, messages: [{ role: 'user', content: 'TOOLCALL:get_weather:{"city":"Oslo"}' }] })
      .finalChatCompletion()
    const call = completion.choices[0]!.message.tool_calls![0]! as OpenAI.ChatCompletionMessageFunctionToolCall
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Oslo' })
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls')
  })

  test('chat clients get the upstream answer verbatim (same-dialect passthrough), quirks included', async () => {
    const completion = await client.chat.completions.create({ model: 'oa:quirk-tool-stop', tools, messages: [{ role: 'user', content: 'TOOLCALL:get_weather:{"city":"Rome"}' }] })
    expect(completion.choices[0]!.finish_reason).toBe('stop')
    expect(completion.choices[0]!.message.tool_calls).toHaveLength(1)
  })

  test('translated clients see tool calls that ended with finish_reason stop as tool use', async () => {
    const responses = await client.responses.create({ model: 'oa:quirk-tool-stop', tools: [{ type: 'function', name: 'get_weather', parameters: { ...weatherTool.parameters }, strict: false }], input: 'TOOLCALL:get_weather:{"city":"Rome"}' })
    expect(responses.output.some((item) => item.type === 'function_call')).toBe(true)
    expect(responses.status).toBe('completed')
  })
})

test('unknown model: 404 in OpenAI shape', async () => {
  const error = await client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(OpenAI.NotFoundError)
  expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found')
})

test.runIf(hasUpstreams('openai-compatible'))('embeddings through the openai-compatible upstream', async () => {
  const response = await client.embeddings.create({ model: 'oa:mock-gpt', input: ['one', 'two'] })
  expect(response.data).toHaveLength(2)
  expect(response.data[0]!.embedding.length).toBeGreaterThan(0)
})
