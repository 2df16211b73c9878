import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { decodeSse } from '../../sse/decode-sse'
import { startDashScopeMock, type DashScopeMock } from './dashscope-mock'

const apiKey = 'sk-dashscope-mock-test'
let mock: DashScopeMock
beforeAll(async () => {
  mock = await startDashScopeMock({ apiKey })
})
afterAll(() => mock.close())

async function post(body: unknown, key = apiKey) {
  const response = await fetch(`${mock.url}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: response.status, headers: response.headers, text: await response.text() }
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely
const json = (text: string): any => JSON.parse(text)
const user = (content: unknown) => ({ model: 'qwen-plus', messages: [{ role: 'user', content }] })
const events = async (text: string) => {
  const chunks: unknown[] = []
  const reader = decodeSse(new Blob([text]).stream()).getReader()
  for (let next = await reader.read(); !next.done; next = await reader.read()) if (next.value.data !== '[DONE]') chunks.push(JSON.parse(next.value.data))
  return chunks as Array<Record<string, unknown>>
}

describe('refusals, in DashScope words', () => {
  test('a wrong key: 401 invalid_api_key with request_id', async () => {
    const answer = await post(user('hi'), 'sk-wrong')
    expect(answer.status).toBe(401)
    expect(json(answer.text)).toMatchObject({ error: { code: 'invalid_api_key', type: 'invalid_request_error', param: null }, request_id: expect.any(String) })
  })

  test('a field outside the documented set: Required body invalid', async () => {
    const answer = await post({ ...user('hi'), user: 'u-1' })
    expect(answer.status).toBe(400)
    expect(json(answer.text).error).toEqual({ code: null, param: null, message: 'Required body invalid, please check the request body format.', type: 'invalid_request_error' })
  })

  test('an unknown model: 404 model_not_found', async () => {
    const answer = await post({ ...user('hi'), model: 'qwen-nope' })
    expect(answer.status).toBe(404)
    expect(json(answer.text).error).toMatchObject({ code: 'model_not_found' })
  })

  test.each([
    ['an image for a text model', { ...user([{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }]) }, /does not support image input/],
    ['a cache marker with a TTL', user([{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral', ttl: '1h' } }]), /cache_control only supports/],
    ['five cache markers', user(Array.from({ length: 5 }, () => ({ type: 'text', text: 'x', cache_control: { type: 'ephemeral' } }))), /at most 4 cache_control/],
    ['temperature 2', { ...user('hi'), temperature: 2 }, /Range of temperature should be \[0, 2\)/],
    ['a budget above the model limit', { ...user('hi'), enable_thinking: true, thinking_budget: 90_000 }, /not greater than 81920/],
    ['a tool message without a call', { model: 'qwen-plus', messages: [{ role: 'user', content: 'hi' }, { role: 'tool', tool_call_id: 'x', content: 'r' }] }, /InternalError\.Algo\.InvalidParameter/],
  ])('%s: 400', async (_name, body, message) => {
    const answer = await post(body)
    expect(answer.status).toBe(400)
    expect(json(answer.text).error.message).toMatch(message)
  })

  test('thinking of the open-source Qwen3, and QwQ, only stream', async () => {
    const qwen3 = await post({ model: 'qwen3-32b', messages: [{ role: 'user', content: 'hi' }] })
    expect(json(qwen3.text).error).toMatchObject({ code: 'invalid_parameter_error', message: 'parameter.enable_thinking must be set to false for non-streaming calls' })
    expect((await post({ model: 'qwen3-32b', enable_thinking: false, messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200)
    expect(json((await post({ model: 'qwq-plus', messages: [{ role: 'user', content: 'hi' }] })).text).error.message).toMatch(/only support stream mode/)
  })

  test('ERROR:429 carries retry-after 7', async () => {
    const answer = await post(user('ERROR:429'))
    expect(answer.status).toBe(429)
    expect(answer.headers.get('retry-after')).toBe('7')
    expect(json(answer.text).error).toMatchObject({ code: 'limit_requests', type: 'limit_requests' })
  })
})

describe('answers', () => {
  test('WITHTHINKING reasons only in thinking mode', async () => {
    expect(json((await post(user('WITHTHINKING'))).text).choices[0].message).not.toHaveProperty('reasoning_content')
    expect(json((await post({ ...user('WITHTHINKING'), enable_thinking: true })).text).choices[0].message.reasoning_content).toBeTruthy()
  })

  test('a stream: tool-call continuations with an empty id, usage only with include_usage', async () => {
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }]
    const chunks = await events((await post({ ...user('TOOLCALL:get_weather:{"city":"Rome"}'), tools, stream: true })).text)
    const calls = chunks.flatMap((chunk) => ((chunk.choices as Array<{ delta: { tool_calls?: Array<{ id: string }> } }>)[0]?.delta.tool_calls ?? []))
    expect(calls[0]!.id).toMatch(/^call_/)
    expect(calls.slice(1).every((call) => call.id === '')).toBe(true)
    expect(chunks.every((chunk) => chunk.usage === null)).toBe(true)
    const withUsage = await events((await post({ ...user('CACHE'), stream: true, stream_options: { include_usage: true } })).text)
    expect(withUsage.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens_details: { cached_tokens: 100 } } })
  })

  test('the quirk model ends tool calls with finish_reason stop', async () => {
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }]
    const answer = json((await post({ model: 'qwen3-coder-plus', tools, messages: [{ role: 'user', content: 'TOOLCALL:get_weather:{}' }] })).text)
    expect(answer.choices[0]).toMatchObject({ finish_reason: 'stop', message: { tool_calls: [expect.objectContaining({ type: 'function' })] } })
  })
})
