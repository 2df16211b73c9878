import { createAnthropic } from '@ai-sdk/anthropic'
import { createOpenAI } from '@ai-sdk/openai'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { generateText, jsonSchema, stepCountIs, streamText, tool, type LanguageModel } from 'ai'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startConformanceGateway, upstreams, type ConformanceGateway } from '../test-support/start-conformance-gateway'

/**
 * The Vercel AI SDK through each of its provider packages → the gateway → each upstream dialect.
 * streamText never throws, so every test asserts the finish reason: a truncated stream would show as 'other'.
 */
let setup: ConformanceGateway
beforeAll(async () => {
  setup = await startConformanceGateway()
})
afterAll(() => setup.close())

const clients: Array<{ surface: string; model: (id: string) => LanguageModel }> = [
  { surface: '@ai-sdk/openai (Responses)', model: (id) => createOpenAI({ baseURL: `${setup.gateway.url}/v1`, apiKey: setup.gateway.apiKey }).responses(id) },
  { surface: '@ai-sdk/openai .chat()', model: (id) => createOpenAI({ baseURL: `${setup.gateway.url}/v1`, apiKey: setup.gateway.apiKey }).chat(id) },
  { surface: '@ai-sdk/anthropic', model: (id) => createAnthropic({ baseURL: `${setup.gateway.url}/v1`, apiKey: setup.gateway.apiKey })(id) },
  {
    surface: '@ai-sdk/openai-compatible',
    model: (id) => createOpenAICompatible({ name: 'omnillm', baseURL: `${setup.gateway.url}/v1`, apiKey: setup.gateway.apiKey, includeUsage: true }).chatModel(id),
  },
]

const cityInput = jsonSchema<{ city: string }>({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false })
const description = 'Current weather for a city'

function weather(): ReturnType<typeof tool<{ city: string }, never>>
function weather(execute: (input: { city: string }) => Promise<string>): ReturnType<typeof tool<{ city: string }, string>>
function weather(execute?: (input: { city: string }) => Promise<string>) {
  return execute ? tool({ description, inputSchema: cityInput, execute }) : tool({ description, inputSchema: cityInput })
}

describe.each(clients)('$surface', ({ model: languageModel }) => {
  describe.each(upstreams)('→ $name upstream', ({ model }) => {
    test('generateText', async () => {
      const result = await generateText({ model: languageModel(model), prompt: 'Say hello' })
      expect(result.text).toBe('Hello from the mock upstream.')
      expect(result.finishReason).toBe('stop')
      expect(result.usage.inputTokens).toBeGreaterThan(0)
      expect(result.usage.outputTokens).toBeGreaterThan(0)
    })

    test('streamText with text', async () => {
      const result = streamText({ model: languageModel(model), prompt: 'UNICODE' })
      expect(await result.text).toBe('héllo wörld 🌍 日本語')
      expect(await result.finishReason).toBe('stop')
    })

    test('streamText stops at a tool call', async () => {
      const result = streamText({ model: languageModel(model), prompt: 'TOOLCALL:get_weather:{"city":"Paris"}', tools: { get_weather: weather() } })
      expect(await result.finishReason).toBe('tool-calls')
      expect((await result.toolCalls).map((call) => [call.toolName, call.input])).toEqual([['get_weather', { city: 'Paris' }]])
    })

    test('streamText runs a two-step tool loop', async () => {
      const result = streamText({
        model: languageModel(model),
        prompt: 'TOOLCALL:get_weather:{"city":"Paris"}',
        tools: { get_weather: weather(async ({ city }) => `sunny in ${city}`) },
        stopWhen: stepCountIs(2),
      })
      expect(await result.text).toMatch(/^Tool said: .*sunny in Paris/)
      expect(await result.finishReason).toBe('stop')
      expect((await result.steps).length).toBe(2)
    })

    test('parallel tool calls', async () => {
      const result = await generateText({ model: languageModel(model), prompt: 'PARALLEL_TOOLS', tools: { get_weather: weather() } })
      expect(result.toolCalls.map((call) => call.input)).toEqual([{ city: 'Paris' }, { city: 'London' }])
      expect(result.finishReason).toBe('tool-calls')
    })
  })
})
