import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startAzureOpenAiMock, type AzureOpenAiMock } from './azure-openai-mock'

let mock: AzureOpenAiMock
const apiKey = 'azure-mock-test-key-0001'
const version = '?api-version=2024-10-21'
const chatPath = `/openai/deployments/prod-gpt/chat/completions${version}`

beforeAll(async () => {
  mock = await startAzureOpenAiMock({ apiKey })
})
afterAll(() => mock.close())

async function post(path: string, body: unknown, headers: Record<string, string> = { 'api-key': apiKey }) {
  const response = await fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
}

const user = (text: string) => ({ role: 'user', content: text })
const chat = (extra: Record<string, unknown> = {}) => ({ messages: [user('hi')], ...extra })
const dataLines = (sse: string) => sse.split('\n\n').filter(Boolean).map((frame) => frame.replace(/^data: /, ''))

describe('azure mock: authentication', () => {
  test('a missing or wrong api-key is a 401 in Azure’s body', async () => {
    for (const headers of [{}, { 'api-key': 'wrong' }] as Array<Record<string, string>>) {
      const response = await post(chatPath, chat(), headers)
      expect(response.status).toBe(401)
      expect(response.json()).toEqual({ error: { code: '401', message: expect.stringMatching(/^Access denied due to invalid subscription key or wrong API endpoint/) } })
    }
  })

  test('a Bearer token is an Entra ID token: refused on the deployments surface, and on v1 unless it is the key', async () => {
    const onDeployments = await post(chatPath, chat(), { authorization: `Bearer ${apiKey}` })
    expect(onDeployments.status).toBe(401)
    expect(onDeployments.json()).toEqual({ statusCode: 401, message: expect.stringMatching(/^Unauthorized. Access token is missing, invalid/) })
    const stranger = await post('/openai/v1/chat/completions', chat({ model: 'prod-gpt' }), { authorization: 'Bearer eyJ0eXAiOiJKV1Qi.not-issued' })
    expect(stranger.status).toBe(401)
    const key = await post('/openai/v1/chat/completions', chat({ model: 'prod-gpt' }), { authorization: `Bearer ${apiKey}` })
    expect(key.status).toBe(200)
  })
})

describe('azure mock: routing', () => {
  test('the deployments surface needs an api-version it knows: missing → 404, unknown → 400', async () => {
    const missing = await post('/openai/deployments/prod-gpt/chat/completions', chat())
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({ error: { code: '404', message: 'Resource not found' } })
    const unknown = await post('/openai/deployments/prod-gpt/chat/completions?api-version=2023-13-45', chat())
    expect(unknown.status).toBe(400)
    expect(unknown.json()).toEqual({ error: { code: 'BadRequest', message: 'API version not supported' } })
  })

  test('the v1 surface takes no api-version (or preview), and a dated one is refused', async () => {
    expect((await post('/openai/v1/chat/completions', chat({ model: 'prod-gpt' }))).status).toBe(200)
    expect((await post('/openai/v1/chat/completions?api-version=preview', chat({ model: 'prod-gpt' }))).status).toBe(200)
    expect((await post('/openai/v1/chat/completions?api-version=2024-10-21', chat({ model: 'prod-gpt' }))).status).toBe(400)
  })

  test('an unknown deployment is a 404 DeploymentNotFound on both surfaces', async () => {
    for (const response of [await post(`/openai/deployments/nope/chat/completions${version}`, chat()), await post('/openai/v1/chat/completions', chat({ model: 'nope' }))]) {
      expect(response.status).toBe(404)
      expect(response.json().error).toMatchObject({ code: 'DeploymentNotFound', message: expect.stringMatching(/^The API deployment for this resource does not exist/) })
    }
  })

  test('chat on an embeddings deployment and back is a 400 OperationNotSupported', async () => {
    const chatOnEmbed = await post(`/openai/deployments/prod-embed/chat/completions${version}`, chat())
    expect(chatOnEmbed.status).toBe(400)
    expect(chatOnEmbed.json().error).toMatchObject({ code: 'OperationNotSupported', message: expect.stringMatching(/^The chatCompletion operation does not work with the specified model, text-embedding-3-small/) })
    const embedOnChat = await post(`/openai/deployments/prod-gpt/embeddings${version}`, { input: 'x' })
    expect(embedOnChat.json().error.message).toMatch(/^The embeddings operation does not work with the specified model, mock-gpt/)
  })

  test('an unknown path is Azure’s 404', async () => {
    const response = await post('/openai/deployments/prod-gpt/responses?api-version=2024-10-21', {})
    expect(response.status).toBe(404)
    expect(response.json()).toEqual({ error: { code: '404', message: 'Resource not found' } })
  })

  test('requests are recorded with their path and query', async () => {
    await post(chatPath, chat())
    expect(mock.requests.at(-1)).toMatchObject({ method: 'POST', path: '/openai/deployments/prod-gpt/chat/completions', query: { 'api-version': '2024-10-21' }, body: chat() })
  })
})

describe('azure mock: request validation', () => {
  test('the deployments surface needs no model; v1 does', async () => {
    expect((await post(chatPath, chat())).status).toBe(200)
    const v1 = await post('/openai/v1/chat/completions', chat())
    expect(v1.status).toBe(400)
    expect(v1.json().error.message).toBe('you must provide a model parameter')
  })

  test('the OpenAI chat checks apply (unknown top-level argument, tool pairing)', async () => {
    expect((await post(chatPath, chat({ top_k: 3 }))).json().error.message).toBe('Unrecognized request argument supplied: top_k')
    const unpaired = await post(chatPath, chat({ messages: [user('x'), { role: 'tool', tool_call_id: 'call_1', content: 'r' }] }))
    expect(unpaired.json().error.message).toMatch(/must be a response to a preceeding message with 'tool_calls'/)
  })

  test('an unknown field in a message or a part is refused in Azure’s schema words', async () => {
    const parsed = await post(chatPath, chat({ messages: [user('x'), { role: 'assistant', content: 'y', parsed: null }] }))
    expect(parsed.status).toBe(400)
    expect(parsed.json().error).toEqual({ message: "Additional properties are not allowed ('parsed' was unexpected) - 'messages.1'", type: 'invalid_request_error', param: null, code: null })
    const part = await post(chatPath, chat({ messages: [{ role: 'user', content: [{ type: 'text', text: 'x', cache_control: { type: 'ephemeral' } }] }] }))
    expect(part.json().error.message).toBe("Additional properties are not allowed ('cache_control' was unexpected) - 'messages.0.content.0'")
  })

  test('parameters newer than the api-version are unrecognized', async () => {
    const old = await post('/openai/deployments/prod-gpt/chat/completions?api-version=2024-06-01', chat({ max_completion_tokens: 5 }))
    expect(old.status).toBe(400)
    expect(old.json().error.message).toBe('Unrecognized request argument supplied: max_completion_tokens')
    expect((await post('/openai/deployments/prod-gpt/chat/completions?api-version=2024-06-01', chat({ max_tokens: 5 }))).status).toBe(200)
    expect((await post(chatPath, chat({ max_completion_tokens: 5 }))).status).toBe(200)
  })
})

describe('azure mock: answers with content-filter annotations', () => {
  test('JSON: prompt_filter_results at the top, content_filter_results on the choice, the deployment’s model', async () => {
    const answer = (await post(chatPath, chat())).json()
    expect(answer).toMatchObject({ object: 'chat.completion', model: 'mock-gpt', prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' } } }] })
    expect(answer.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Hello from the mock upstream.' }, content_filter_results: { violence: { filtered: false } } })
    expect(answer).not.toHaveProperty('service_tier')
  })

  test('stream: an empty-choices first chunk with prompt_filter_results, content_filter_results on every choice, usage last', async () => {
    const response = await post(chatPath, chat({ stream: true, stream_options: { include_usage: true } }))
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const lines = dataLines(response.text)
    expect(lines.at(-1)).toBe('[DONE]')
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line))
    expect(chunks[0]).toEqual({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: [expect.objectContaining({ prompt_index: 0 })] })
    const withChoices = chunks.filter((chunk) => chunk.choices.length > 0)
    for (const chunk of withChoices) expect(chunk.choices[0]).toHaveProperty('content_filter_results')
    expect(withChoices.find((chunk) => chunk.choices[0].delta.content === 'Hello ').choices[0].content_filter_results.hate).toEqual({ filtered: false, severity: 'safe' })
    expect(withChoices.at(-1).choices[0]).toMatchObject({ finish_reason: 'stop', content_filter_results: {} })
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: expect.any(Number) } })
  })

  test('FILTERED: a few words, then finish_reason content_filter naming the category', async () => {
    const answer = (await post(chatPath, chat({ messages: [user('FILTERED')] }))).json()
    expect(answer.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { content: 'Hello from the' }, content_filter_results: { violence: { filtered: true, severity: 'medium' } } })
    const chunks = dataLines((await post(chatPath, chat({ messages: [user('FILTERED')], stream: true }))).text).slice(0, -1).map((line) => JSON.parse(line))
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('Hello from the')
    expect(chunks.at(-1).choices[0]).toMatchObject({ finish_reason: 'content_filter', content_filter_results: { violence: { filtered: true } } })
  })

  test('ERROR:400FILTER: the content-filter 400 with innererror', async () => {
    const response = await post(chatPath, chat({ messages: [user('ERROR:400FILTER')], stream: true }))
    expect(response.status).toBe(400)
    expect(response.json().error).toMatchObject({
      message: expect.stringMatching(/^The response was filtered due to the prompt triggering Azure OpenAI's content management policy/),
      type: null,
      param: 'prompt',
      code: 'content_filter',
      status: 400,
      innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { violence: { filtered: true, severity: 'medium' }, jailbreak: { filtered: false, detected: false } } },
    })
  })

  test('ERROR:429 is Azure’s rate-limit body with retry-after', async () => {
    const response = await post(chatPath, chat({ messages: [user('ERROR:429')] }))
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('7')
    expect(response.json().error).toMatchObject({ code: '429', message: expect.stringMatching(/API version 2024-10-21 have exceeded token rate limit/) })
  })

  test('embeddings on both surfaces name the deployment’s model', async () => {
    const deployments = (await post(`/openai/deployments/prod-embed/embeddings${version}`, { input: ['a', 'b'] })).json()
    expect(deployments).toMatchObject({ object: 'list', model: 'text-embedding-3-small' })
    expect(deployments.data).toHaveLength(2)
    const v1 = (await post('/openai/v1/embeddings', { model: 'prod-embed', input: 'a', dimensions: 4 })).json()
    expect(v1.data[0].embedding).toHaveLength(4)
  })
})
