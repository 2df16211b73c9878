import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CifMessage, CifRequest } from '../../cif'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { UpstreamError } from '../../errors/upstream-error'
import { startAzureOpenAiMock, type AzureOpenAiMock } from '../../test-support/mock-upstreams/azure-openai-mock'
import { collectParts, summariseParts } from '../../test-support/collect-parts'
import { createUpstreamHttpClient, type UpstreamHttpClient } from '../http/upstream-http-client'
import type { Provider, ProviderCallOptions } from '../provider-definition'
import { createAzureOpenAiProvider } from './azure-openai-provider'
import { parseAzureOpenAiConfig } from './parse-azure-openai-config'

const apiKey = 'azure-provider-test-key'
const deployments = { 'prod-gpt': 'mock-gpt', 'prod-embed': 'text-embedding-3-small', 'gpt-4o-mini': 'gpt-4o-mini' }
let mock: AzureOpenAiMock
let http: UpstreamHttpClient

beforeAll(async () => {
  mock = await startAzureOpenAiMock({ apiKey, deployments })
  http = createUpstreamHttpClient({ allowLocalEndpoints: true })
})
afterAll(async () => {
  await http.close()
  await mock.close()
})

/** An instance as the gateway makes it: from a config-file entry. */
function azure(fields: Record<string, unknown> = {}): Provider {
  const config = { id: 'az', type: 'azure-openai', baseUrl: mock.url, apiKey, priority: 0, enabled: true, deployments: { 'mock-gpt': 'prod-gpt', embed: 'prod-embed' }, ...fields } as ProviderConfig
  return createAzureOpenAiProvider(parseAzureOpenAiConfig(config), { http })
}

const options = (signal = new AbortController().signal): ProviderCallOptions => ({ signal, clientHeaders: {}, requestId: 'test' })
const say = (text: string): CifMessage => ({ role: 'user', content: [{ type: 'text', text }] })
const cif = (text: string, extra: Partial<CifRequest> = {}): CifRequest => ({ model: 'mock-gpt', system: [], messages: [say(text)], stream: false, ...extra })
const last = () => mock.requests.at(-1)!
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error)

describe('deployments surface (default)', () => {
  const provider = () => azure()

  test('the model goes to its deployment in the URL, with the default api-version and the api-key header only', async () => {
    const result = await provider().generate(cif('hi', { system: [{ type: 'text', text: 'Be brief.' }], maxOutputTokens: 100 }), options())
    expect(result.content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'stop' })
    expect(result.model).toBe('mock-gpt')
    expect(last().path).toBe('/openai/deployments/prod-gpt/chat/completions')
    expect(last().query).toEqual({ 'api-version': '2024-10-21' })
    expect(last().headers['api-key']).toBe(apiKey)
    expect(last().headers.authorization).toBeUndefined()
    // Only what the request sets, with Azure's token field; no forced temperature or tool_choice.
    expect(last().body).toEqual({ model: 'prod-gpt', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }], max_completion_tokens: 100 })
  })

  test('a model without a deployment entry is its own deployment name', async () => {
    await provider().generate(cif('hi', { model: 'gpt-4o-mini' }), options())
    expect(last().path).toBe('/openai/deployments/gpt-4o-mini/chat/completions')
  })

  test('tools are sent without a forced tool_choice', async () => {
    const tools = [{ type: 'function' as const, name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }]
    const result = await provider().generate(cif('TOOLCALL:get_weather:{"city":"Rome"}', { tools }), options())
    expect(result.content).toEqual([expect.objectContaining({ type: 'tool-call', toolName: 'get_weather', input: '{"city":"Rome"}' })])
    expect(result.finishReason.unified).toBe('tool-calls')
    const body = last().body as Record<string, unknown>
    expect(body.tools).toHaveLength(1)
    expect(body).not.toHaveProperty('tool_choice')
    expect(body).not.toHaveProperty('temperature')
  })

  test('a stream through the filter annotations: the empty-choices first chunk and content_filter_results leave clean parts', async () => {
    const parts = await collectParts(await provider().stream(cif('PARALLEL_TOOLS', { stream: true }), options()))
    const summary = summariseParts(parts)
    expect(summary.toolCalls.map((call) => JSON.parse(call.input))).toEqual([{ city: 'Paris' }, { city: 'London' }])
    expect(summary.sequence[0]).toBe('stream-start')
    expect(parts[1]).toMatchObject({ type: 'response-metadata', model: 'mock-gpt' })
    expect(summary.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' })
    expect(summary.usage?.inputTokens).toBeGreaterThan(0)
    expect(last().body).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  test('FILTERED: finish_reason content_filter is the unified content-filter, streaming or not', async () => {
    const result = await provider().generate(cif('FILTERED'), options())
    expect(result.finishReason).toEqual({ unified: 'content-filter', raw: 'content_filter' })
    expect(result.content).toEqual([{ type: 'text', text: 'Hello from the' }])
    const summary = summariseParts(await collectParts(await provider().stream(cif('FILTERED', { stream: true }), options())))
    expect(summary.text).toBe('Hello from the')
    expect(summary.error).toBeUndefined()
    expect(summary.finishReason).toEqual({ unified: 'content-filter', raw: 'content_filter' })
  })

  test("ERROR:400FILTER: Azure's content-filter 400 is an UpstreamError with its message and code, before anything streams", async () => {
    for (const stream of [false, true]) {
      const call = stream ? provider().stream(cif('ERROR:400FILTER', { stream }), options()) : provider().generate(cif('ERROR:400FILTER'), options())
      const error = (await rejection(call)) as UpstreamError
      expect(UpstreamError.isUpstreamError(error), `stream=${stream}`).toBe(true)
      expect(error.status).toBe(400)
      expect(error.type).toBe('invalid_request')
      expect(error.code).toBe('content_filter')
      expect(error.message).toMatch(/^The response was filtered due to the prompt triggering Azure OpenAI's content management policy/)
      expect(error.upstreamBody).toContain('ResponsibleAIPolicyViolation')
    }
  })

  test('a 429 keeps Retry-After; an unknown deployment is a 404 DeploymentNotFound; a wrong key a 401', async () => {
    const limited = (await rejection(provider().generate(cif('ERROR:429'), options()))) as UpstreamError
    expect(limited).toMatchObject({ status: 429, headers: { 'retry-after': '7' }, retryable: true })
    const missing = (await rejection(provider().generate(cif('hi', { model: 'no-such-deployment' }), options()))) as UpstreamError
    expect(missing).toMatchObject({ status: 404, code: 'DeploymentNotFound' })
    expect(missing.message).toMatch(/^The API deployment for this resource does not exist/)
    const denied = (await rejection(azure({ apiKey: 'wrong-key' }).generate(cif('hi'), options()))) as UpstreamError
    expect(denied).toMatchObject({ status: 401, type: 'authentication' })
    expect(denied.message).toMatch(/^Access denied due to invalid subscription key/)
  })

  test('a configured apiVersion is sent as it is; one Azure does not know is its 400', async () => {
    await azure({ apiVersion: '2025-04-01-preview' }).generate(cif('hi'), options())
    expect(last().query).toEqual({ 'api-version': '2025-04-01-preview' })
    const error = (await rejection(azure({ apiVersion: '2031-01-01' }).generate(cif('hi'), options()))) as UpstreamError
    expect(error).toMatchObject({ status: 400, message: 'API version not supported' })
  })

  test('an api-version older than 2024-09-01-preview gets max_tokens and no stream_options, which it knows', async () => {
    const old = azure({ apiVersion: '2024-06-01' })
    await old.generate(cif('hi', { maxOutputTokens: 10 }), options())
    expect(last().body).toMatchObject({ max_tokens: 10 })
    const summary = summariseParts(await collectParts(await old.stream(cif('hi', { stream: true, maxOutputTokens: 10 }), options())))
    expect(summary.text).toBe('Hello from the mock upstream.')
    expect(last().body).not.toHaveProperty('stream_options')
    expect(last().body).not.toHaveProperty('max_completion_tokens')
  })

  test('embed goes to the embeddings deployment', async () => {
    const result = await provider().embed!({ model: 'embed', input: ['one', 'two'] }, options())
    expect(result.embeddings).toHaveLength(2)
    expect(result.model).toBe('text-embedding-3-small')
    expect(last().path).toBe('/openai/deployments/prod-embed/embeddings')
    expect(last().query).toEqual({ 'api-version': '2024-10-21' })
  })

  test('passthrough names the deployment in the body and returns Azure’s bytes, annotations included', async () => {
    const response = await provider().passthrough!({ operation: 'openai-chat', body: { model: 'mock-gpt', messages: [{ role: 'user', content: 'hi' }] }, stream: false }, options())
    const answer = JSON.parse(await new Response(response.body).text()) as Record<string, unknown>
    expect(answer).toHaveProperty('prompt_filter_results')
    expect(last().path).toBe('/openai/deployments/prod-gpt/chat/completions')
    expect((last().body as { model: string }).model).toBe('prod-gpt')
  })

  test('listModels is the deployments map plus the configured models, without a request', async () => {
    const before = mock.requests.length
    const models = await azure({ models: ['gpt-4o-mini', 'mock-gpt'] }).listModels(options())
    expect(models.map((model) => model.id)).toEqual(['mock-gpt', 'embed', 'gpt-4o-mini'])
    expect(mock.requests.length).toBe(before)
  })
})

describe('v1 surface', () => {
  const provider = () => azure({ surface: 'v1' })

  test('chat goes to /openai/v1 with the deployment as model and no api-version', async () => {
    const result = await provider().generate(cif('hi', { maxOutputTokens: 20 }), options())
    expect(result.content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
    expect(last().path).toBe('/openai/v1/chat/completions')
    expect(last().query).toEqual({})
    expect(last().headers['api-key']).toBe(apiKey)
    expect(last().body).toEqual({ model: 'prod-gpt', messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 20 })
  })

  test('streams, content filter and errors behave as on the deployments surface', async () => {
    const summary = summariseParts(await collectParts(await provider().stream(cif('UNICODE', { stream: true }), options())))
    expect(summary.text).toBe('héllo wörld 🌍 日本語')
    expect(summary.finishReason?.unified).toBe('stop')
    const filtered = await provider().generate(cif('FILTERED'), options())
    expect(filtered.finishReason.unified).toBe('content-filter')
    const missing = (await rejection(provider().generate(cif('hi', { model: 'unmapped' }), options()))) as UpstreamError
    expect(missing).toMatchObject({ status: 404, code: 'DeploymentNotFound' })
  })

  test('a configured apiVersion (preview) is the only query; embeddings and passthrough name the deployment', async () => {
    await azure({ surface: 'v1', apiVersion: 'preview' }).generate(cif('hi'), options())
    expect(last().query).toEqual({ 'api-version': 'preview' })
    const embedded = await provider().embed!({ model: 'embed', input: ['x'] }, options())
    expect(embedded.embeddings).toHaveLength(1)
    expect(last()).toMatchObject({ path: '/openai/v1/embeddings', body: { model: 'prod-embed' } })
    const response = await provider().passthrough!({ operation: 'openai-chat', body: { model: 'mock-gpt', messages: [{ role: 'user', content: 'hi' }], stream: true }, stream: true }, options())
    expect(response.contentType).toContain('text/event-stream')
    const text = await new Response(response.body).text()
    expect(text.split('\n\n')[0]).toContain('"prompt_filter_results"')
    expect(last()).toMatchObject({ path: '/openai/v1/chat/completions', body: { model: 'prod-gpt' } })
  })
})
