import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startGeminiMock, type GeminiMock } from './gemini-mock'
import { geminiMockSkipSignature, signGeminiMockPart } from './gemini-mock-signature'

const apiKey = 'AIzaSy-mock-test-0123456789'
let mock: GeminiMock

beforeAll(async () => {
  mock = await startGeminiMock({ apiKey, models: ['mock-gemini', 'gemini-embedding-001', ...Array.from({ length: 5 }, (_, index) => `extra-${index}`)] })
})
afterAll(() => mock.close())

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in assertions
type ResponseJson = any
const headers = { 'content-type': 'application/json', 'x-goog-api-key': apiKey }
const user = (text: string) => ({ role: 'user', parts: [{ text }] })
const minimal = (overrides: Record<string, unknown> = {}) => ({ contents: [user('hi')], ...overrides })
const weather = { functionDeclarations: [{ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }] }

async function post(method: string, body: unknown, options: { model?: string; query?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${mock.url}/v1beta/models/${options.model ?? 'mock-gemini'}:${method}${options.query ?? ''}`, { method: 'POST', headers: { ...headers, ...options.headers }, body: JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : undefined) as ResponseJson }
}

async function expectRejected(body: unknown, message: string | RegExp, method = 'generateContent') {
  const response = await post(method, body)
  expect(response.status).toBe(400)
  expect(response.json.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' })
  expect(response.json.error.message).toMatch(message)
  return response.json.error
}

describe('authentication and routing', () => {
  test('a missing key is 403, a wrong key 400 API_KEY_INVALID (as Google answers); ?key= works too', async () => {
    const missing = await post('generateContent', minimal(), { headers: { 'x-goog-api-key': '' } })
    expect(missing.status).toBe(403)
    expect(missing.json.error.status).toBe('PERMISSION_DENIED')
    const wrong = await post('generateContent', minimal(), { headers: { 'x-goog-api-key': 'AIza-wrong' } })
    expect(wrong.status).toBe(400)
    expect(wrong.json.error).toMatchObject({ message: 'API key not valid. Please pass a valid API key.', details: [{ reason: 'API_KEY_INVALID' }] })
    expect((await post('generateContent', minimal(), { headers: { 'x-goog-api-key': '' }, query: `?key=${apiKey}` })).status).toBe(200)
  })

  test('unknown models and methods a model does not serve are 404', async () => {
    const unknown = await post('generateContent', minimal(), { model: 'gemini-9' })
    expect(unknown.status).toBe(404)
    expect(unknown.json.error.message).toBe('models/gemini-9 is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.')
    expect((await post('generateContent', minimal(), { model: 'gemini-embedding-001' })).status).toBe(404)
  })
})

describe('the proto JSON parser', () => {
  test('unknown fields are named with their proto path, all at once, with BadRequest details', async () => {
    const error = await expectRejected(
      minimal({ tools: [{ functionDeclarations: [{ name: 'f', parameters: { type: 'object', properties: { a: { type: 'string', additionalProperties: false } }, $schema: 'x' } }] }], response_format: {} }),
      /Unknown name "\$schema" at 'tools\[0\].function_declarations\[0\].parameters': Cannot find field\./,
    )
    expect(error.message.split('\n')).toEqual([
      `Invalid JSON payload received. Unknown name "additionalProperties" at 'tools[0].function_declarations[0].parameters.properties[0].value': Cannot find field.`,
      `Invalid JSON payload received. Unknown name "$schema" at 'tools[0].function_declarations[0].parameters': Cannot find field.`,
      'Invalid JSON payload received. Unknown name "response_format": Cannot find field.',
    ])
    expect(error.details[0]).toMatchObject({ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'tools[0].function_declarations[0].parameters.properties[0].value' }, {}, { field: '' }] })
  })

  test('type lists, null types, non-string enums, bad base64 and two data fields in a part', async () => {
    const schema = (property: object) => minimal({ tools: [{ functionDeclarations: [{ name: 'f', parameters: { type: 'object', properties: { a: property } } }] }] })
    await expectRejected(schema({ type: ['string', 'null'] }), `Unknown name "type" at 'tools[0].function_declarations[0].parameters.properties[0].value': Proto field is not repeating, cannot start list.`)
    await expectRejected(schema({ type: 'null' }), `Invalid value at 'tools[0].function_declarations[0].parameters.properties[0].value.type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), "null"`)
    await expectRejected(schema({ type: 'integer', enum: [1, 2] }), `Invalid value at 'tools[0].function_declarations[0].parameters.properties[0].value.enum[0]' (TYPE_STRING), 1`)
    await expectRejected(minimal({ contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: 'not base64!' } }] }] }), /\(TYPE_BYTES\), Base64 decoding failed for "not base64!"/)
    await expectRejected(minimal({ contents: [{ role: 'user', parts: [{ text: 'a', inlineData: { mimeType: 'image/png', data: 'AA==' } }] }] }), `Oneof field 'data' is already set. Cannot set 'inline_data'`)
  })

  test('proto field names are accepted as well as JSON names', async () => {
    const body = { contents: [{ role: 'user', parts: [{ text: 'hi' }] }], generation_config: { max_output_tokens: 10 }, system_instruction: { parts: [{ text: 'be brief' }] } }
    expect((await post('generateContent', body)).status).toBe(200)
  })
})

describe('request validation', () => {
  test('roles, empty contents and parts', async () => {
    await expectRejected(minimal({ contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] }), 'Please use a valid role: user, model.')
    await expectRejected({ contents: [] }, '* GenerateContentRequest.contents: contents is not specified\n')
    await expectRejected(minimal({ contents: [user('a'), { role: 'model', parts: [] }] }), '* GenerateContentRequest.contents[1].parts: contents.parts must not be empty.\n')
    await expectRejected(minimal({ contents: [{ role: 'user', parts: [{ thoughtSignature: 'AA==' }] }] }), "* GenerateContentRequest.contents[0].parts[0].data: required oneof field 'data' must have one initialized field")
  })

  test('Schema rules: type, items, non-empty parameters, required, enums, formats', async () => {
    const declare = (parameters: object) => minimal({ tools: [{ functionDeclarations: [{ name: 'f', parameters }] }] })
    const error = await expectRejected(
      declare({ type: 'object', properties: { list: { type: 'array' }, any: { description: 'x' }, url: { type: 'string', format: 'uri' }, n: { type: 'integer', format: 'enum', enum: ['1'] } }, required: ['list', 'missing'] }),
      /must be specified/,
    )
    expect(error.message).toBe(
      [
        '* GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[list].items: missing field.\n',
        '* GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[any].type: must be specified when not using one_of, any_of or all_of fields\n',
        "* GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[url].format: only 'enum' and 'date-time' are supported for STRING type\n",
        '* GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[n].enum: only allowed for STRING type\n',
        "* GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[n].format: only 'int32' and 'int64' are supported for INTEGER type\n",
        '* GenerateContentRequest.tools[0].function_declarations[0].parameters.required[1]: property is not defined\n',
      ].join(''),
    )
    await expectRejected(declare({ type: 'object', properties: {} }), 'parameters.properties: should be non-empty for OBJECT type')
    await expectRejected(minimal({ tools: [{ functionDeclarations: [{ name: '1st tool' }] }] }), 'Invalid function name.')
    await expectRejected(minimal({ toolConfig: { functionCallingConfig: { mode: 'ANY' } } }), 'Function calling config is set without function_declarations.')
    await expectRejected(minimal({ tools: [weather], toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['nope'] } } }), 'function nope is not declared in tools')
    await expectRejected(minimal({ generationConfig: { responseSchema: { type: 'object', properties: { a: { type: 'string' } } } } }), 'response_mime_type: must be application/json')
    await expectRejected(minimal({ generationConfig: { thinkingConfig: { thinkingBudget: 1024, thinkingLevel: 'high' } } }), 'You can only set only one of thinking budget and thinking level.')
  })

  test('function call and response turns must pair up', async () => {
    const call = { role: 'model', parts: [{ functionCall: { id: 'c1', name: 'get_weather', args: { city: 'Oslo' } } }] }
    const answer = (name = 'get_weather', id = 'c1') => ({ role: 'user', parts: [{ functionResponse: { id, name, response: { output: 'Rain' } } }] })
    expect((await post('generateContent', minimal({ tools: [weather], contents: [user('go'), call, answer()] }))).json.candidates[0].content.parts[0].text).toBe('Tool said: Rain')
    await expectRejected(minimal({ tools: [weather], contents: [user('go'), answer()] }), 'Please ensure that function response turn comes immediately after a function call turn.')
    await expectRejected(minimal({ tools: [weather], contents: [call, answer()] }), 'Please ensure that function call turn comes immediately after a user turn or after a function response turn.')
    await expectRejected(minimal({ tools: [weather], contents: [user('go'), { role: 'model', parts: [{ text: 'let me check' }] }, call, answer()] }), 'function call turn comes immediately after a user turn')
    const twoAnswers = { role: 'user', parts: [...answer().parts, ...answer('get_weather', 'c2').parts] }
    await expectRejected(minimal({ tools: [weather], contents: [user('go'), call, twoAnswers] }), 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.')
    await expectRejected(minimal({ tools: [weather], contents: [user('go'), call, answer('get_time')] }), 'no call matches get_time')
  })

  test('thought signatures: verified wherever they appear, required on signed calls of the current turn only', async () => {
    const thinking = { generationConfig: { thinkingConfig: { thinkingBudget: 1024, includeThoughts: true } } }
    const first = await post('generateContent', minimal({ tools: [weather], ...thinking, contents: [user('WITHTHINKING TOOLCALL:get_weather:{"city":"Oslo"}')] }))
    const parts = first.json.candidates[0].content.parts
    expect(parts.map((part: object) => Object.keys(part).sort().join('+'))).toEqual(['text+thought', 'functionCall+thoughtSignature'])
    const call = parts[1]
    expect(call.thoughtSignature).toBe(signGeminiMockPart({ call: call.functionCall }))
    const history = (callPart: object, after: object[] = []) => [user('WITHTHINKING TOOLCALL:get_weather:{"city":"Oslo"}'), { role: 'model', parts: [parts[0], callPart] }, { role: 'user', parts: [{ functionResponse: { id: call.functionCall.id, name: 'get_weather', response: { output: 'Rain' } } }] }, ...after]
    expect((await post('generateContent', minimal({ tools: [weather], ...thinking, contents: history(call) }))).status).toBe(200)
    const { thoughtSignature: _signature, ...unsigned } = call
    await expectRejected(minimal({ tools: [weather], ...thinking, contents: history(unsigned) }), /^Function call is missing a thought_signature in functionCall parts\..*`default_api:get_weather`, position 2\./)
    expect((await post('generateContent', minimal({ tools: [weather], ...thinking, contents: history({ ...call, thoughtSignature: geminiMockSkipSignature }) }))).status).toBe(200)
    await expectRejected(minimal({ tools: [weather], ...thinking, contents: history({ ...call, functionCall: { ...call.functionCall, args: { city: 'Rome' } } }) }), 'Corrupted thought signature.')
    // Once a new user turn began, earlier turns are not validated.
    expect((await post('generateContent', minimal({ tools: [weather], ...thinking, contents: history(unsigned, [{ role: 'model', parts: [{ text: 'It rains.' }] }, user('thanks')]) }))).status).toBe(200)
  })
})

describe('markers and answers', () => {
  const reply = async (text: string, extra: Record<string, unknown> = {}) => (await post('generateContent', minimal({ contents: [user(text)], ...extra }))).json

  test('text, finish reasons, cache and thought usage, images anywhere', async () => {
    expect((await reply('hello')).candidates[0]).toMatchObject({ content: { role: 'model', parts: [{ text: 'Hello from the mock upstream.' }] }, finishReason: 'STOP' })
    expect((await reply('MAXTOKENS')).candidates[0].finishReason).toBe('MAX_TOKENS')
    const cached = await reply('CACHE')
    expect(cached.usageMetadata.cachedContentTokenCount).toBe(100)
    expect(cached.usageMetadata.promptTokenCount).toBeGreaterThan(100)
    const thought = await reply('WITHTHINKING', { generationConfig: { thinkingConfig: { thinkingBudget: 1024 } } })
    expect(thought.candidates[0].content.parts).toEqual([{ text: 'Hello from the mock upstream.' }])
    expect(thought.usageMetadata.thoughtsTokenCount).toBeGreaterThan(0)
    expect((await reply('WITHTHINKING', { generationConfig: { thinkingConfig: { thinkingBudget: 0, includeThoughts: true } } })).candidates[0].content.parts).toHaveLength(1)
    const image = { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } }
    const inResponse = { role: 'user', parts: [{ functionResponse: { id: 'c1', name: 'get_weather', response: { output: 'map' }, parts: [image] } }] }
    const call = { role: 'model', parts: [{ functionCall: { id: 'c1', name: 'get_weather', args: {} } }] }
    const answered = await post('generateContent', { tools: [weather], contents: [{ role: 'user', parts: [image, { text: 'look' }] }, call, inResponse] })
    expect(answered.json.candidates[0].content.parts[0].text).toBe('Tool said: map (saw 2 image(s))')
  })

  test('TOOLCALL and PARALLEL_TOOLS call functions (with ids), unless mode is NONE', async () => {
    const single = await reply('TOOLCALL:get_weather:{"city":"Rome","days":[1,2]}', { tools: [weather] })
    expect(single.candidates[0].content.parts).toEqual([{ functionCall: { id: expect.any(String), name: 'get_weather', args: { city: 'Rome', days: [1, 2] } } }])
    expect((await reply('PARALLEL_TOOLS', { tools: [weather] })).candidates[0].content.parts.map((part: { functionCall: { args: object } }) => part.functionCall.args)).toEqual([{ city: 'Paris' }, { city: 'London' }])
    expect((await reply('PARALLEL_TOOLS', { tools: [weather], toolConfig: { functionCallingConfig: { mode: 'NONE' } } })).candidates[0].content.parts[0].text).toBeDefined()
  })

  test('ERROR:<status> answers with Google error bodies; 429 carries Retry-After and RetryInfo', async () => {
    const limited = await post('generateContent', minimal({ contents: [user('ERROR:429')] }))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(limited.json.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }] })
    expect((await post('generateContent', minimal({ contents: [user('ERROR:503')] }))).json.error).toMatchObject({ code: 503, status: 'UNAVAILABLE' })
  })

  test('streamGenerateContent: SSE with alt=sse, a JSON array without it', async () => {
    const sse = await post('streamGenerateContent', minimal(), { query: '?alt=sse' })
    expect(sse.headers.get('content-type')).toBe('text/event-stream')
    const events = sse.text.split('\r\n\r\n').filter(Boolean)
    expect(events.every((event) => event.startsWith('data: {'))).toBe(true)
    const chunks = events.map((event) => JSON.parse(event.slice(6)))
    expect(chunks.map((chunk) => chunk.candidates[0].content.parts[0].text).join('')).toBe('Hello from the mock upstream.')
    expect(chunks.at(-1).candidates[0].finishReason).toBe('STOP')
    const array = await post('streamGenerateContent', minimal())
    expect(array.headers.get('content-type')).toMatch(/^application\/json/)
    expect(array.json.map((chunk: ResponseJson) => chunk.candidates[0].content.parts[0].text).join('')).toBe('Hello from the mock upstream.')
  })

  test('MIDSTREAM_ERROR sends text, then an in-band error chunk, then closes', async () => {
    const stream = await post('streamGenerateContent', minimal({ contents: [user('MIDSTREAM_ERROR')] }), { query: '?alt=sse' })
    const chunks = stream.text.split('\r\n\r\n').filter(Boolean).map((event) => JSON.parse(event.slice(6)))
    expect(chunks[0].candidates[0].content.parts[0].text.length).toBeGreaterThan(0)
    expect(chunks.at(-1)).toEqual({ error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } })
  })

  test('UNICODE splits multi-byte characters across TCP writes', async () => {
    const chunks = await new Promise<Buffer[]>((resolve, reject) => {
      const outgoing = httpRequest(`${mock.url}/v1beta/models/mock-gemini:streamGenerateContent?alt=sse`, { method: 'POST', headers }, (response) => {
        const received: Buffer[] = []
        response.on('data', (chunk: Buffer) => received.push(chunk))
        response.on('end', () => resolve(received))
      })
      outgoing.on('error', reject)
      outgoing.end(JSON.stringify(minimal({ contents: [user('UNICODE')] })))
    })
    expect(chunks.some((chunk) => (chunk[0]! & 0xc0) === 0x80)).toBe(true)
    const texts = [...Buffer.concat(chunks).toString('utf8').matchAll(/"text":"([^"]*)"/g)].map((match) => match[1]).join('')
    expect(texts).toBe('héllo wörld 🌍 日本語')
  })
})

describe('countTokens, embeddings and models', () => {
  test('countTokens takes contents or a whole generateContentRequest (with its model), not both', async () => {
    expect((await post('countTokens', { contents: [user('hi')] })).json.totalTokens).toBeGreaterThan(0)
    const whole = await post('countTokens', { generateContentRequest: { model: 'models/mock-gemini', ...minimal({ systemInstruction: { parts: [{ text: 'be brief' }] } }) } })
    expect(whole.json.totalTokens).toBe((await post('generateContent', minimal({ systemInstruction: { parts: [{ text: 'be brief' }] } }))).json.usageMetadata.promptTokenCount)
    await expectRejected({ contents: [user('hi')], generateContentRequest: { model: 'models/mock-gemini', ...minimal() } }, 'mutually exclusive', 'countTokens')
    await expectRejected({ generateContentRequest: minimal() }, 'generate_content_request.model: must be the model of the URL', 'countTokens')
  })

  test('embedContent and batchEmbedContents (at most 100, each naming the URL model)', async () => {
    const single = await post('embedContent', { content: { parts: [{ text: 'hi' }] }, outputDimensionality: 8 }, { model: 'gemini-embedding-001' })
    expect(single.json.embedding.values).toHaveLength(8)
    const request = { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'hi' }] } }
    const batch = await post('batchEmbedContents', { requests: [request, request] }, { model: 'gemini-embedding-001' })
    expect(batch.json.embeddings).toHaveLength(2)
    expect(batch.json.embeddings[0].values).toEqual(batch.json.embeddings[1].values)
    const tooMany = await post('batchEmbedContents', { requests: Array.from({ length: 101 }, () => request) }, { model: 'gemini-embedding-001' })
    expect(tooMany.json.error.message).toBe('* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch\n')
    expect((await post('embedContent', { content: { parts: [{ text: 'hi' }] } })).status).toBe(404)
  })

  test('GET /v1beta/models pages with pageSize / pageToken', async () => {
    const get = async (query: string) => (await (await fetch(`${mock.url}/v1beta/models${query}`, { headers })).json()) as ResponseJson
    const first = await get('?pageSize=3')
    expect(first.models.map((model: { name: string }) => model.name)).toEqual(['models/mock-gemini', 'models/gemini-embedding-001', 'models/extra-0'])
    expect(first.models[1].supportedGenerationMethods).toContain('embedContent')
    const rest = await get(`?pageSize=10&pageToken=${first.nextPageToken}`)
    expect(rest.models).toHaveLength(4)
    expect(rest.nextPageToken).toBeUndefined()
  })
})
