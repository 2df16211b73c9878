import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hasUpstreams, startConformanceGateway, upstreams, type ConformanceGateway } from '../test-support/start-conformance-gateway'
import { tinyPngDataUrl, weatherTool } from './tiny-png'

/** The official openai SDK → the gateway's /v1/responses → each upstream dialect. */
let setup: ConformanceGateway
let client: OpenAI

beforeAll(async () => {
  setup = await startConformanceGateway()
  client = new OpenAI({ baseURL: `${setup.gateway.url}/v1`, apiKey: setup.gateway.apiKey, maxRetries: 0 })
})
afterAll(() => setup.close())

const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: weatherTool.name, description: weatherTool.description, parameters: { ...weatherTool.parameters }, strict: false }]

function functionCalls(response: OpenAI.Responses.Response) {
  return response.output.filter((item): item is OpenAI.Responses.ResponseFunctionToolCall => item.type === 'function_call')
}

describe.each(upstreams)('openai SDK → /v1/responses → $name upstream', ({ name, model }) => {
  test('text: create', async () => {
    const response = await client.responses.create({ model, input: 'Say hello' })
    expect(response.status).toBe('completed')
    expect(response.output_text).toBe('Hello from the mock upstream.')
    expect(response.usage!.input_tokens).toBeGreaterThan(0)
    expect(response.usage!.output_tokens).toBeGreaterThan(0)
  })

  test('text: stream().finalResponse() completes, with usage', async () => {
    const response = await client.responses.stream({ model, input: 'Say hello' }).finalResponse()
    expect(response.status).toBe('completed')
    expect(response.output_text).toBe('Hello from the mock upstream.')
    expect(response.usage!.output_tokens).toBeGreaterThan(0)
  })

  test('streamed tool call, then the function_call_output round trip', async () => {
    const first = await client.responses.stream({ model, tools, input: 'TOOLCALL:get_weather:{"city":"Paris"}', store: false }).finalResponse()
    const [call] = functionCalls(first)
    expect(call).toMatchObject({ name: 'get_weather' })
    expect(JSON.parse(call!.arguments)).toEqual({ city: 'Paris' })

    const second = await client.responses.create({
      model,
      tools,
      store: false,
      input: [
        { role: 'user', content: 'TOOLCALL:get_weather:{"city":"Paris"}' },
        { type: 'function_call', call_id: call!.call_id, name: call!.name, arguments: call!.arguments },
        { type: 'function_call_output', call_id: call!.call_id, output: '18°C and sunny' },
      ],
    })
    expect(second.output_text).toBe('Tool said: 18°C and sunny')
  })

  test('parallel tool calls, streamed', async () => {
    const response = await client.responses.stream({ model, tools, input: 'PARALLEL_TOOLS' }).finalResponse()
    expect(functionCalls(response).map((call) => JSON.parse(call.arguments))).toEqual([{ city: 'Paris' }, { city: 'London' }])
    expect(response.status).toBe('completed')
  })

  test('custom (freeform) tools come back as custom_tool_call items', async () => {
    const response = await client.responses.stream({
      model,
      tools: [{ type: 'custom', name: 'apply_patch', description: 'Apply a patch' }],
      input: 'TOOLCALL:apply_patch:{"input":"*** Begin Patch"}',
    }).finalResponse()
    const call = response.output.find((item) => item.type === 'custom_tool_call')
    expect(call).toMatchObject({ type: 'custom_tool_call', name: 'apply_patch', input: '*** Begin Patch' })
  })

  test('reasoning arrives as a reasoning item, never in output_text', async () => {
    const response = await client.responses.stream({ model, input: 'WITHTHINKING please', reasoning: { effort: 'low', summary: 'auto' } }).finalResponse()
    expect(response.output[0]).toMatchObject({ type: 'reasoning' })
    expect(response.output_text).toBe('Hello from the mock upstream.')
  })

  test('images, also inside function_call_output', async () => {
    const direct = await client.responses.create({
      model,
      input: [{ role: 'user', content: [{ type: 'input_image', image_url: tinyPngDataUrl, detail: 'auto' }, { type: 'input_text', text: 'What is this?' }] }],
    })
    expect(direct.output_text).toBe('Hello from the mock upstream. (saw 1 image(s))')

    const inToolOutput = await client.responses.create({
      model,
      tools,
      input: [
        { role: 'user', content: 'TOOLCALL:get_weather:{"city":"Paris"}' },
        { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: 'call_1', output: [{ type: 'input_text', text: 'a map' }, { type: 'input_image', image_url: tinyPngDataUrl, detail: 'auto' }] },
      ],
    })
    expect(inToolOutput.output_text).toMatch(/^Tool said: a map.*\(saw 1 image\(s\)\)$/s)
  })

  test('cache usage is reported as cached_tokens', async () => {
    const response = await client.responses.create({ model, input: 'CACHE' })
    expect(response.usage!.input_tokens_details.cached_tokens).toBe(100)
  })

  test('max_output_tokens reached: status incomplete, streaming and not', async () => {
    const response = await client.responses.create({ model, input: 'MAXTOKENS', max_output_tokens: 16 })
    expect(response.status).toBe('incomplete')
    expect(response.incomplete_details?.reason).toBe('max_output_tokens')
    const streamed = await client.responses.stream({ model, input: 'MAXTOKENS', max_output_tokens: 16 }).finalResponse()
    expect(streamed.status).toBe('incomplete')
  })

  test('a mid-stream upstream error ends with response.failed', async () => {
    const events: string[] = []
    const stream = client.responses.stream({ model, input: 'MIDSTREAM_ERROR' })
    stream.on('event', (event) => events.push(event.type))
    const response = await stream.finalResponse().catch(() => undefined)
    expect(events.at(-1)).toBe('response.failed')
    if (response) expect(response.status).toBe('failed')
  })

  test('previous_response_id continues the stored conversation', async () => {
    const first = await client.responses.create({ model, input: 'Remember the word BLUE.' })
    const before = setup.upstream(name).requests.length
    const second = await client.responses.create({ model, input: 'Say hello', previous_response_id: first.id })
    expect(second.output_text).toBe('Hello from the mock upstream.')
    const upstreamBody = JSON.stringify(setup.upstream(name).requests.at(-1)!.body)
    expect(setup.upstream(name).requests.length).toBe(before + 1)
    expect(upstreamBody).toContain('Remember the word BLUE.')
    expect(upstreamBody).toContain('Say hello')

    const stored = await client.responses.retrieve(first.id)
    expect(stored.output_text).toBe('Hello from the mock upstream.')
  })

  test('an upstream 429 reaches the client as a 429 with Retry-After, streaming or not', async () => {
    for (const stream of [false, true]) {
      const error = await client.responses.create({ model, stream, input: 'ERROR:429' }).then(() => undefined, (caught: unknown) => caught)
      expect(error, `stream=${stream}`).toBeInstanceOf(OpenAI.RateLimitError)
      expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after')).toBe('7')
    }
  })
})

test.runIf(hasUpstreams('anthropic'))('reasoning round trip with store:false: the Anthropic thinking signature survives encrypted_content', async () => {
  const model = 'an:mock-claude'
  const first = await client.responses
    .stream({ model, tools, store: false, include: ['reasoning.encrypted_content'], reasoning: { effort: 'low' }, input: 'WITHTHINKING TOOLCALL:get_weather:{"city":"Paris"}' })
    .finalResponse()
  const reasoning = first.output.find((item) => item.type === 'reasoning')
  expect(reasoning?.encrypted_content).toBeTruthy()
  const [call] = functionCalls(first)

  const second = await client.responses.create({
    model,
    tools,
    store: false,
    reasoning: { effort: 'low' },
    input: [
      { role: 'user', content: 'WITHTHINKING TOOLCALL:get_weather:{"city":"Paris"}' },
      reasoning!,
      { type: 'function_call', call_id: call!.call_id, name: call!.name, arguments: call!.arguments },
      { type: 'function_call_output', call_id: call!.call_id, output: '18°C' },
    ],
  })
  expect(second.output_text).toBe('Tool said: 18°C')
  // The strict mock verifies its own signatures: the block reached it intact.
  const upstream = setup.upstream('anthropic').requests.at(-1)!.body as { messages: Array<{ role: string; content: Array<{ type: string; signature?: string }> }> }
  const thinking = upstream.messages.flatMap((message) => message.content).find((block) => block.type === 'thinking')
  expect(thinking?.signature).toBeTruthy()
})

test.runIf(hasUpstreams('openai-compatible'))('store:false is honoured: the response cannot be retrieved', async () => {
  const response = await client.responses.create({ model: 'oa:mock-gpt', input: 'Say hello', store: false })
  await expect(client.responses.retrieve(response.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError)
})
