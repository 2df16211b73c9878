import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startOpenAiChatMock, type OpenAiChatMock } from './openai-chat-mock'

let mock: OpenAiChatMock
const apiKey = 'sk-mock-test-key-0001'

beforeAll(async () => {
  mock = await startOpenAiChatMock({ apiKey })
})
afterAll(() => mock.close())

async function post(path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${apiKey}` }) {
  const response = await fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
}

const user = (text: string) => ({ role: 'user', content: text })
const chat = (extra: Record<string, unknown>) => ({ model: 'gpt-4o-mini', messages: [user('hi')], ...extra })

function dataLines(sse: string): string[] {
  return sse.split('\n\n').filter(Boolean).map((frame) => frame.replace(/^data: /, ''))
}

describe('openai chat mock: authentication', () => {
  test('a missing key is a 401 with OpenAI’s message', async () => {
    const response = await post('/chat/completions', chat({}), {})
    expect(response.status).toBe(401)
    expect(response.json().error).toMatchObject({ type: 'invalid_request_error', code: null })
    expect(response.json().error.message).toMatch(/^You didn't provide an API key/)
  })

  test('a wrong key is a 401 invalid_api_key, masked', async () => {
    const response = await post('/chat/completions', chat({}), { authorization: 'Bearer sk-wrong-key-9999' })
    expect(response.status).toBe(401)
    expect(response.json().error.code).toBe('invalid_api_key')
    expect(response.json().error.message).toMatch(/^Incorrect API key provided: sk-\*+9999\./)
  })
})

describe('openai chat mock: request validation', () => {
  const cases: Array<[string, Record<string, unknown>, string | null, RegExp]> = [
    ['missing model', { messages: [user('hi')] }, null, /you must provide a model parameter/],
    ['missing messages', { model: 'gpt-4o-mini' }, 'messages', /Missing required parameter: 'messages'/],
    ['empty messages', { model: 'gpt-4o-mini', messages: [] }, 'messages', /empty array/],
    ['unknown role', chat({ messages: [{ role: 'robot', content: 'x' }] }), 'messages[0].role', /Invalid value: 'robot'/],
    ['user without content', chat({ messages: [{ role: 'user' }] }), 'messages[0].content', /Missing required parameter/],
    ['unknown top-level parameter', chat({ top_k: 3 }), null, /^Unrecognized request argument supplied: top_k$/],
    ['unknown message field', chat({ messages: [{ role: 'user', content: 'x', reasoning_content: 'y' }] }), 'messages[0].reasoning_content', /Unknown parameter/],
    ['tool message answering nothing', chat({ messages: [user('x'), { role: 'tool', tool_call_id: 'call_1', content: 'r' }] }), 'messages.[1].role', /must be a response to a preceeding message with 'tool_calls'/],
    [
      'tool call left unanswered',
      chat({ messages: [user('x'), { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] }, user('y')] }),
      'messages.[1].role',
      /did not have response messages: call_1/,
    ],
    ['invalid tool_choice', chat({ tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: 'always' }), 'tool_choice', /Supported values are: 'none', 'auto', and 'required'/],
    ['tool_choice without tools', chat({ tool_choice: 'auto' }), 'tool_choice', /only allowed when 'tools' are specified/],
    ['tool without a name', chat({ tools: [{ type: 'function', function: { parameters: {} } }] }), 'tools[0].function.name', /Missing required parameter/],
    ['parameters not an object', chat({ tools: [{ type: 'function', function: { name: 'f', parameters: 'none' } }] }), 'tools[0].function.parameters', /expected an object/],
    ['stream_options without stream', chat({ stream_options: { include_usage: true } }), 'stream_options', /only allowed when 'stream' is enabled/],
    ['both token limits', chat({ max_tokens: 5, max_completion_tokens: 5 }), 'max_tokens', /at the same time/],
    [
      'image that is neither data: nor http(s)',
      chat({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'file:///etc/passwd' } }] }] }),
      'messages[0].content[0].image_url.url',
      /Expected a valid URL/,
    ],
    [
      'data: URL that is not an image',
      chat({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:text/plain;base64,aGk=' } }] }] }),
      'messages[0].content[0].image_url.url',
      /base64-encoded data URL with an image MIME type/,
    ],
  ]

  test.each(cases)('%s → 400', async (_name, body, param, message) => {
    const response = await post('/chat/completions', body)
    expect(response.status).toBe(400)
    const error = response.json().error
    expect(error.type).toBe('invalid_request_error')
    expect(error.param).toBe(param)
    expect(error.message).toMatch(message)
  })

  test('a body that is not JSON is a 400', async () => {
    const response = await post('/chat/completions', '{not json')
    expect(response.status).toBe(400)
    expect(response.json().error.message).toMatch(/could not parse the JSON body/)
  })

  test('a valid tool round trip passes', async () => {
    const call = { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }
    const response = await post('/chat/completions', chat({ messages: [user('x'), { role: 'assistant', content: null, tool_calls: [call] }, { role: 'tool', tool_call_id: 'call_1', content: 'sunny' }] }))
    expect(response.status).toBe(200)
    expect(response.json().choices[0].message.content).toBe('Tool said: sunny')
  })

  test('an unknown path is a 404 in OpenAI’s shape', async () => {
    const response = await post('/responsez', {})
    expect(response.status).toBe(404)
    expect(response.json().error.message).toBe('Invalid URL (POST /v1/responsez)')
  })
})

describe('openai chat mock: markers', () => {
  test('default reply, usage, ids', async () => {
    const body = (await post('/chat/completions', chat({}))).json()
    expect(body).toMatchObject({ object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Hello from the mock upstream.' } }] })
    expect(body.id).toMatch(/^chatcmpl-/)
    expect(body.usage.prompt_tokens).toBeGreaterThan(0)
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens)
  })

  test('TOOLCALL with JSON arguments containing colons and braces', async () => {
    const body = (await post('/chat/completions', chat({ messages: [user('please TOOLCALL:lookup:{"q":"a:b}","n":1} now')] }))).json()
    expect(body.choices[0].finish_reason).toBe('tool_calls')
    expect(body.choices[0].message.tool_calls).toEqual([{ id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/), type: 'function', function: { name: 'lookup', arguments: '{"q":"a:b}","n":1}' } }])
  })

  test('ERROR:429 keeps retry-after', async () => {
    const response = await post('/chat/completions', chat({ messages: [user('ERROR:429')] }))
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('7')
    expect(response.json().error.code).toBe('rate_limit_exceeded')
  })

  test('images are counted, CACHE reports cached tokens, WITHTHINKING adds reasoning_content', async () => {
    const image = { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }
    const body = (await post('/chat/completions', chat({ messages: [{ role: 'user', content: [{ type: 'text', text: 'CACHE WITHTHINKING' }, image, image] }] }))).json()
    expect(body.choices[0].message.content).toBe('Hello from the mock upstream. (saw 2 image(s))')
    expect(body.choices[0].message.reasoning_content).toBe('Let me think about this step by step.')
    expect(body.usage.prompt_tokens_details.cached_tokens).toBe(100)
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0)
  })

  test('a stream without include_usage has no usage; with it, a last choices: [] chunk, then [DONE]', async () => {
    const plain = dataLines((await post('/chat/completions', chat({ stream: true }))).text)
    expect(plain.at(-1)).toBe('[DONE]')
    expect(plain.slice(0, -1).every((line) => !('usage' in JSON.parse(line)))).toBe(true)

    const withUsage = dataLines((await post('/chat/completions', chat({ stream: true, stream_options: { include_usage: true } }))).text)
    const chunks = withUsage.slice(0, -1).map((line) => JSON.parse(line))
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true)
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: expect.any(Number) } })
    expect(chunks.at(-2).choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' })
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true)
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Hello from the mock upstream.')
  })

  test('MIDSTREAM_ERROR sends an error chunk and no [DONE]', async () => {
    const lines = dataLines((await post('/chat/completions', chat({ stream: true, messages: [user('MIDSTREAM_ERROR')] }))).text)
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ error: { type: 'server_error' } })
    expect(lines).not.toContain('[DONE]')
  })

  test('UNICODE leaves the socket in pieces cut inside characters', async () => {
    const pieces = await new Promise<Buffer[]>((resolve, reject) => {
      const outgoing = httpRequest(`${mock.url}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' } }, (response) => {
        const received: Buffer[] = []
        response.on('data', (piece: Buffer) => received.push(piece))
        response.on('end', () => resolve(received))
      })
      outgoing.on('error', reject)
      outgoing.end(JSON.stringify(chat({ stream: true, messages: [user('UNICODE')] })))
    })
    const cutInside = pieces.filter((piece) => piece.length > 0 && piece[piece.length - 1]! >= 0xc0)
    expect(cutInside.length).toBeGreaterThan(3)
    const text = dataLines(Buffer.concat(pieces).toString('utf8')).slice(0, -1).map((line) => JSON.parse(line).choices[0]?.delta.content ?? '').join('')
    expect(text).toBe('héllo wörld 🌍 日本語')
  })
})

describe('openai chat mock: models, embeddings', () => {
  test('GET /v1/models lists model objects', async () => {
    const response = await fetch(`${mock.url}/models`, { headers: { authorization: `Bearer ${apiKey}` } })
    const body = (await response.json()) as { object: string; data: unknown[] }
    expect(body.object).toBe('list')
    expect(body.data[0]).toEqual({ id: 'gpt-4o-mini', object: 'model', created: expect.any(Number), owned_by: 'system' })
  })

  test('embeddings: one deterministic vector per input, base64 on request, unknown params rejected', async () => {
    const first = (await post('/embeddings', { model: 'text-embedding-3-small', input: ['a', 'b'], dimensions: 4 })).json()
    expect(first.data.map((item: { index: number }) => item.index)).toEqual([0, 1])
    expect(first.data[0].embedding).toHaveLength(4)
    const again = (await post('/embeddings', { model: 'text-embedding-3-small', input: 'a', dimensions: 4 })).json()
    expect(again.data[0].embedding).toEqual(first.data[0].embedding)
    const encoded = (await post('/embeddings', { model: 'text-embedding-3-small', input: 'a', dimensions: 4, encoding_format: 'base64' })).json()
    expect([...new Float32Array(Uint8Array.from(Buffer.from(encoded.data[0].embedding, 'base64')).buffer)].map((value) => Math.round(value * 1000) / 1000)).toEqual(first.data[0].embedding)
    const rejected = await post('/embeddings', { model: 'text-embedding-3-small', input: 'a', truncate: true })
    expect(rejected.status).toBe(400)
    expect(rejected.json().error.message).toBe('Unrecognized request argument supplied: truncate')
  })
})
