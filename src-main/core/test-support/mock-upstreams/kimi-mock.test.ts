import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { decodeSse } from '../../sse/decode-sse'
import { startKimiMock, type KimiMock } from './kimi-mock'

const apiKey = 'sk-kimi-mock-test'
let mock: KimiMock
beforeAll(async () => {
  mock = await startKimiMock({ apiKey })
})
afterAll(() => mock.close())

async function post(path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${apiKey}` }) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  return { status: response.status, headers: response.headers, text: await response.text() }
}
const chat = (body: unknown) => post(`${mock.url}/chat/completions`, body)
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely
const json = (text: string): any => JSON.parse(text)
const user = (content: unknown, model = 'kimi-k2.6') => ({ model, messages: [{ role: 'user', content }] })
const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }]
const toolTurn = (assistant: Record<string, unknown>) => ({
  model: 'kimi-k2.6',
  tools,
  messages: [
    { role: 'user', content: 'TOOLCALL:get_weather:{}' },
    { role: 'assistant', content: '', tool_calls: [{ id: 'get_weather:0', type: 'function', function: { name: 'get_weather', arguments: '{}' } }], ...assistant },
    { role: 'tool', tool_call_id: 'get_weather:0', content: 'sunny' },
  ],
})
const events = async (text: string) => {
  const chunks: Array<Record<string, unknown>> = []
  const reader = decodeSse(new Blob([text]).stream()).getReader()
  for (let next = await reader.read(); !next.done; next = await reader.read()) if (next.value.data !== '[DONE]') chunks.push(JSON.parse(next.value.data))
  return chunks
}

describe('chat refusals, in Moonshot words', () => {
  test('a wrong key: 401 invalid_authentication_error; an unknown model: 404 resource_not_found_error', async () => {
    const denied = await post(`${mock.url}/chat/completions`, user('hi'), { authorization: 'Bearer sk-wrong' })
    expect(denied.status).toBe(401)
    expect(json(denied.text)).toEqual({ error: { message: 'Invalid Authentication', type: 'invalid_authentication_error' } })
    const missing = await chat(user('hi', 'kimi-k9'))
    expect(missing.status).toBe(404)
    expect(json(missing.text).error).toEqual({ message: 'Not found the model kimi-k9 or Permission denied', type: 'resource_not_found_error' })
  })

  test.each([
    ['temperature on kimi-k2.6 while thinking', { ...user('hi'), temperature: 0.7 }, 'invalid temperature: only 1 is allowed for this model'],
    ['temperature 1 with thinking off', { ...user('hi'), temperature: 1, thinking: { type: 'disabled' } }, 'invalid temperature: only 0.6 is allowed for this model'],
    ['top_p on kimi-k3', { ...user('hi', 'kimi-k3'), top_p: 0.5 }, 'invalid top_p: only 0.95 is allowed for this model'],
    ['thinking disabled on kimi-k2.7-code', { ...user('hi', 'kimi-k2.7-code'), thinking: { type: 'disabled' } }, 'invalid thinking: only type=enabled is allowed for this model'],
    ['tool_choice required while thinking', { ...user('hi'), tools, tool_choice: 'required' }, "tool_choice 'required' is incompatible with thinking enabled"],
    ['a named tool while thinking', { ...user('hi'), tools, tool_choice: { type: 'function', function: { name: 'get_weather' } } }, "tool_choice 'specified' is incompatible with thinking enabled"],
    ['a tool-call turn without reasoning while thinking', toolTurn({}), 'thinking is enabled but reasoning_content is missing in assistant tool call message at index 1'],
    ['temperature 1.5 on moonshot-v1', { ...user('hi', 'moonshot-v1-8k'), temperature: 1.5 }, 'Invalid request: temperature must be in [0, 1], got 1.5'],
    ['an image for moonshot-v1-8k', user([{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }], 'moonshot-v1-8k'), 'Invalid request: model moonshot-v1-8k does not support image input'],
  ])('%s: 400', async (_name, body, message) => {
    const answer = await chat(body)
    expect(answer.status).toBe(400)
    expect(json(answer.text)).toEqual({ error: { message, type: 'invalid_request_error' } })
  })

  test('what passes: pinned values, required with thinking off, required on K3, an empty reasoning_content, unknown fields', async () => {
    expect((await chat({ ...user('hi'), temperature: 1, top_p: 0.95 })).status).toBe(200)
    expect((await chat({ ...user('hi'), tools, tool_choice: 'required', thinking: { type: 'disabled' } })).status).toBe(200)
    expect((await chat({ ...user('hi', 'kimi-k3'), tools, tool_choice: 'required' })).status).toBe(200)
    expect((await chat(toolTurn({ reasoning_content: '' }))).status).toBe(200)
    expect((await chat({ ...user('hi'), no_such_field: true })).status).toBe(200)
  })

  test('ERROR:429 carries retry-after 7', async () => {
    const answer = await chat(user('ERROR:429'))
    expect(answer.status).toBe(429)
    expect(answer.headers.get('retry-after')).toBe('7')
    expect(json(answer.text).error.type).toBe('rate_limit_reached_error')
  })
})

describe('chat answers', () => {
  test('reasoning while thinking (K2.6 by default), none with thinking off', async () => {
    expect(json((await chat(user('WITHTHINKING'))).text).choices[0].message.reasoning_content).toBeTruthy()
    expect(json((await chat({ ...user('WITHTHINKING'), thinking: { type: 'disabled' } })).text).choices[0].message).not.toHaveProperty('reasoning_content')
  })

  test('stream usage sits in the finishing choice; include_usage adds a top-level usage chunk', async () => {
    const plain = await events((await chat({ ...user('CACHE'), stream: true })).text)
    expect(plain.at(-1)).toMatchObject({ choices: [{ finish_reason: 'stop', usage: { cached_tokens: 100, prompt_tokens_details: { cached_tokens: 100 } } }] })
    expect(plain.some((chunk) => 'usage' in chunk)).toBe(false)
    const withUsage = await events((await chat({ ...user('hi'), stream: true, stream_options: { include_usage: true } })).text)
    expect(withUsage.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: expect.any(Number) } })
  })

  test('tool-call ids count the calls of the whole conversation', async () => {
    const answer = json((await chat({ model: 'kimi-k2.6', tools, messages: [{ role: 'user', content: 'PARALLEL_TOOLS' }] })).text)
    expect(answer.choices[0].message.tool_calls.map((call: { id: string }) => call.id)).toEqual(['get_weather:0', 'get_weather:1'])
  })

  test('the token estimate and the model list', async () => {
    const estimate = json((await post(`${mock.url}/tokenizers/estimate-token-count`, user('hello'))).text)
    expect(estimate).toMatchObject({ code: 0, data: { total_tokens: expect.any(Number) }, status: true })
    const models = (await fetch(`${mock.url}/models`, { headers: { authorization: `Bearer ${apiKey}` } }).then((response) => response.json())) as { data: Array<{ id: string }> }
    expect(models.data.map((model) => model.id)).toContain('kimi-k2.6')
  })
})

describe('the Anthropic-compatible endpoint', () => {
  const messages = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${apiKey}` }) => post(`${mock.anthropicUrl}/v1/messages`, body, headers)

  test('Bearer auth (x-api-key alone is refused), no anthropic-version needed, Anthropic error shapes', async () => {
    const denied = await messages({ model: 'kimi-k2.6', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }, { 'x-api-key': apiKey })
    expect(denied.status).toBe(401)
    expect(json(denied.text)).toMatchObject({ type: 'error', error: { type: 'authentication_error' } })
    const ok = await messages({ model: 'kimi-k2.6', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
    expect(json(ok.text)).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'Hello from the mock upstream.' }] })
    const claude = await messages({ model: 'claude-sonnet-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
    expect(claude.status).toBe(404)
  })

  test('thinking blocks signed elsewhere are accepted; cache reads are reported, writes are not', async () => {
    const replay = await messages({
      model: 'kimi-k2.6',
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'earlier', signature: 'signed-by-someone-else' }, { type: 'text', text: 'ok' }] },
        { role: 'user', content: [{ type: 'text', text: 'CACHE', cache_control: { type: 'ephemeral' } }] },
      ],
    })
    expect(replay.status).toBe(200)
    expect(json(replay.text).usage).toMatchObject({ cache_read_input_tokens: 100, cache_creation_input_tokens: 0 })
  })

  test('count_tokens is not offered', async () => {
    expect((await post(`${mock.anthropicUrl}/v1/messages/count_tokens`, { model: 'kimi-k2.6', messages: [] })).status).toBe(404)
  })
})
