import { seededRandom } from '../test-support/seeded-random'

export type ErrorShape = 'openai' | 'anthropic' | 'admin'

/** One malformed request: exact bytes, so bodies no JSON serialiser would write (NaN, bad UTF-8, cut-off text) are possible. */
export interface FuzzCase {
  label: string
  method: string
  path: string
  contentType?: string
  body?: Buffer
  shape: ErrorShape
  /** Statuses outside 4xx this case documents (GET /usage answers 501 for a provider type with no usage report). */
  alsoAllowed?: number[]
}

type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'string-or-array' | 'string-or-object'

interface GenerationEndpoint {
  path: string
  shape: 'openai' | 'anthropic'
  /** A body the gateway serves: every case breaks it in one way. */
  valid: Record<string, unknown>
  /** Known fields and their JSON kind, so each gets values of every wrong kind. */
  fields: Record<string, FieldKind>
  /** A field where a string is wrong, for the huge-string case. */
  hugeStringField: string
}

const userTurn = [{ role: 'user', content: 'hi' }]

export const generationEndpoints: GenerationEndpoint[] = [
  {
    path: '/v1/chat/completions',
    shape: 'openai',
    valid: { model: 'oa:mock-gpt', messages: userTurn },
    fields: {
      model: 'string', messages: 'array', stream: 'boolean', temperature: 'number', top_p: 'number', max_tokens: 'integer',
      max_completion_tokens: 'integer', n: 'integer', tools: 'array', tool_choice: 'string-or-object', stop: 'string-or-array',
      presence_penalty: 'number', frequency_penalty: 'number', seed: 'integer', response_format: 'object', stream_options: 'object',
      logit_bias: 'object', parallel_tool_calls: 'boolean', logprobs: 'boolean', top_logprobs: 'integer', metadata: 'object', user: 'string',
    },
    hugeStringField: 'stream',
  },
  {
    path: '/v1/messages',
    shape: 'anthropic',
    valid: { model: 'an:mock-claude', max_tokens: 64, messages: userTurn },
    fields: {
      model: 'string', max_tokens: 'integer', messages: 'array', system: 'string-or-array', stream: 'boolean', temperature: 'number',
      top_p: 'number', top_k: 'integer', stop_sequences: 'array', tools: 'array', tool_choice: 'object', thinking: 'object', metadata: 'object',
    },
    hugeStringField: 'stream',
  },
  {
    path: '/v1/messages/count_tokens',
    shape: 'anthropic',
    valid: { model: 'an:mock-claude', messages: userTurn },
    fields: { model: 'string', messages: 'array', system: 'string-or-array', tools: 'array', tool_choice: 'object', thinking: 'object' },
    hugeStringField: 'thinking',
  },
  {
    path: '/v1/responses',
    shape: 'openai',
    valid: { model: 'oa:mock-gpt', input: 'hi' },
    fields: {
      model: 'string', input: 'string-or-array', instructions: 'string', stream: 'boolean', temperature: 'number', top_p: 'number',
      max_output_tokens: 'integer', tools: 'array', tool_choice: 'string-or-object', previous_response_id: 'string', store: 'boolean',
      metadata: 'object', parallel_tool_calls: 'boolean', text: 'object', reasoning: 'object', include: 'array', user: 'string',
    },
    hugeStringField: 'stream',
  },
  {
    path: '/v1/embeddings',
    shape: 'openai',
    valid: { model: 'oa:text-embedding-3-small', input: 'hi' },
    fields: { model: 'string', input: 'string-or-array', dimensions: 'integer', encoding_format: 'string', user: 'string' },
    hugeStringField: 'encoding_format',
  },
]

/** JSON values of every kind but the field's own. */
const wrongValues: Record<FieldKind, unknown[]> = {
  string: [42, true, {}, [], ['a'], { text: 'hi' }],
  number: ['1', true, {}, [], [1]],
  integer: [1.5, '10', true, {}, [], [3]],
  boolean: ['true', 1, {}, [], [true]],
  array: ['x', 1, {}, true, { 0: 'a' }],
  object: ['x', 1, [], true, [{}]],
  'string-or-array': [1, true, {}, { role: 'user' }],
  'string-or-object': [1, true, [], [{}]],
}

/** JSON text a JavaScript serialiser never writes; all but `1e999` (which parses to Infinity) are not JSON at all. */
const nanLikeNumbers = ['NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '0x1F', '1.', '.5', '+1', '01', '1e', '--1']

const contentTypes = [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=fuzz', 'application/xml', 'application/json; charset=latin1', 'application/octet-stream']

const deepLevels = 10_000

const utf8 = (text: string) => Buffer.from(text, 'utf8')
const json = (value: unknown) => utf8(JSON.stringify(value))

function deepArray(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels)
}

function deepObject(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)
}

/** The valid body with one field's JSON text replaced by raw text (to place NaN, deep nesting or a cut-off inside it). */
function withRawField(valid: Record<string, unknown>, field: string, rawValue: string): Buffer {
  const marker = '__FUZZ_RAW__'
  return utf8(JSON.stringify({ ...valid, [field]: marker }).replace(`"${marker}"`, rawValue))
}

/**
 * The first field the surface rejects for certain, added to bodies whose other oddity (a prototype key,
 * a wrong content type) a lenient parser might let pass: the case must then still be refused.
 */
function invalidField(endpoint: GenerationEndpoint): [string, unknown] {
  return endpoint.path === '/v1/embeddings' ? ['input', { not: 'an input' }] : ['model', 42]
}

/**
 * A few dozen malformed requests per generation endpoint, the same ones on every run for one seed. Each case
 * is invalid in a way the surface must refuse with a 4xx in its own error shape.
 */
export function generationFuzzCases(seed: number, maxBodyBytes: number): FuzzCase[] {
  const random = seededRandom(seed)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!
  const cases: FuzzCase[] = []

  for (const endpoint of generationEndpoints) {
    const add = (label: string, body: Buffer | undefined, contentType: string | undefined = 'application/json') =>
      cases.push({ label: `${endpoint.path} ${label}`, method: 'POST', path: endpoint.path, contentType, body, shape: endpoint.shape })
    const [badField, badValue] = invalidField(endpoint)
    const invalid = { ...endpoint.valid, [badField]: badValue }

    // Wrong types: two random wrong values per known field, plus a missing required field.
    for (const [field, kind] of Object.entries(endpoint.fields)) {
      const first = pick(wrongValues[kind])
      const second = pick(wrongValues[kind].filter((value) => value !== first))
      for (const value of [first, second]) add(`${field}=${JSON.stringify(value)}`, json({ ...endpoint.valid, [field]: value }))
    }
    for (const required of Object.keys(endpoint.valid)) {
      const { [required]: _left, ...rest } = endpoint.valid
      add(`without ${required}`, json(rest))
    }

    // NaN-ish numbers in a numeric field.
    const numericFields = Object.entries(endpoint.fields).filter(([, kind]) => kind === 'number' || kind === 'integer').map(([field]) => field)
    for (let index = 0; index < 4; index++) {
      const text = pick(nanLikeNumbers)
      const field = numericFields.length > 0 ? pick(numericFields) : 'model'
      add(`${field}=${text} (raw)`, withRawField(endpoint.valid, field, text))
    }

    // Huge strings: a wrong-typed field, a key, and a body over the limit.
    add(`huge string in ${endpoint.hugeStringField}`, json({ ...endpoint.valid, [endpoint.hugeStringField]: 'x'.repeat(200_000) }))
    add('body one byte over maxBodyBytes', utf8(`{"model":"${'x'.repeat(maxBodyBytes)}"}`))
    add('huge key', json({ ...invalid, ['k'.repeat(100_000)]: 1 }))
    add('huge unknown model name', json({ ...endpoint.valid, model: `no-such-${'m'.repeat(100_000)}` }))
    add('many keys', json({ ...invalid, ...Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`k${index}`, index])) }))

    // Deep nesting, in the body and in fields that are traversed.
    add(`array nested ${deepLevels} deep as the body`, utf8(deepArray(deepLevels)))
    add(`object nested ${deepLevels} deep as the body`, utf8(deepObject(deepLevels)))
    add(`object nested ${deepLevels} deep in model`, withRawField(endpoint.valid, 'model', deepObject(deepLevels)))
    const deepField = endpoint.shape === 'anthropic' || endpoint.path === '/v1/chat/completions' ? 'messages' : 'input'
    add(`array nested ${deepLevels} deep in ${deepField}`, withRawField(endpoint.valid, deepField, deepArray(deepLevels)))
    const deepContent = JSON.stringify({ ...endpoint.valid, [deepField]: [{ role: 'user', content: '__DEEP__' }] })
    add(`content nested ${deepLevels} deep`, utf8(deepContent.replace('"__DEEP__"', deepArray(deepLevels))))
    add(`metadata nested ${deepLevels} deep`, withRawField(invalid, 'metadata', deepObject(deepLevels)))

    // Invalid UTF-8: inside the model string, and between tokens.
    const text = JSON.stringify(endpoint.valid)
    // `model` comes first in every valid body.
    add('invalid UTF-8 in the model name', Buffer.concat([utf8('{"model":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xc0, 0xaf]), utf8(`"${text.slice(text.indexOf(',"'))}`)]))
    add('invalid UTF-8 between tokens', Buffer.concat([utf8('{'), Buffer.from([0xff, 0xfe]), utf8(text.slice(1))]))
    add('lone surrogate escape in the model name', utf8(text.replace(/"model":"[^"]*"/, '"model":"\\ud800\\udfff\\ud800"')))
    add('UTF-16 body', Buffer.from(`\ufeff${text}`, 'utf16le'), 'application/json; charset=utf-16')

    // Truncated JSON: random cut points (never the whole body).
    for (let index = 0; index < 4; index++) {
      const cut = 1 + Math.floor(random() * (text.length - 1))
      add(`truncated at ${cut}/${text.length}`, utf8(text.slice(0, cut)))
    }

    // Empty bodies.
    add('no body', undefined)
    add('empty body', utf8(''))
    add('whitespace body', utf8(' \n\t '))

    // Content types: malformed bodies under every wrong or missing content type.
    for (const contentType of contentTypes) {
      const body = pick([utf8('model=oa%3Amock-gpt&messages=hi'), utf8('<request><model>x</model></request>'), utf8(text.slice(0, -1)), json(invalid)])
      add(`content-type ${contentType ?? '(none)'}`, body, contentType)
    }

    // Arrays (and other non-objects) where objects are expected.
    add('array body', json([endpoint.valid]))
    add('empty array body', json([]))
    add('string body', json('hello'))
    add('number body', json(7))
    add('null body', json(null))
    add('message as an array', json({ ...endpoint.valid, [deepField]: [['user', 'hi']] }))
    add('messages of mixed kinds', json({ ...endpoint.valid, [deepField]: [42, 'hi', null] }))
    if ('tools' in endpoint.fields) add('tools as an array of arrays', json({ ...endpoint.valid, tools: [[]] }))

    // Prototype-pollution keys, with a field the surface must refuse.
    add('__proto__ at the top', utf8(`{"__proto__":{"polluted":"yes","model":"oa:mock-gpt"},${JSON.stringify(invalid).slice(1)}`))
    add('constructor.prototype at the top', utf8(`{"constructor":{"prototype":{"polluted":"yes"}},${JSON.stringify(invalid).slice(1)}`))
    add('__proto__ inside a message', utf8(JSON.stringify(invalid).replace('"role":"user"', '"__proto__":{"polluted":"yes"},"role":"user"')))
  }
  return cases
}

/** Every admin channel: bodies that are not JSON, not objects, or carry fields the contract does not know. */
export function adminFuzzCases(channels: readonly string[], seed: number): FuzzCase[] {
  const random = seededRandom(seed)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!
  const cases: FuzzCase[] = []
  for (const channel of channels) {
    const add = (label: string, body: Buffer, contentType: string | undefined = 'application/json') =>
      cases.push({ label: `admin ${channel} ${label}`, method: 'POST', path: `/api/admin/${channel}`, contentType, body, shape: 'admin' })
    add('truncated JSON', utf8('{"level":"in'))
    add('NaN', utf8('NaN'))
    add(`nested ${deepLevels} deep`, utf8(deepObject(deepLevels)))
    add(`array nested ${deepLevels} deep`, utf8(deepArray(deepLevels)))
    add('invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))
    add('array', json([{}]))
    add('string', json('debug'))
    add('unknown field', json({ level: 'debug', id: 'x', [pick(['__proto__x', 'constructor', 'prototype', 'extra'])]: 1 }))
    add('__proto__ key', utf8('{"__proto__":{"polluted":"yes"},"unknown":1}'))
    add('wrong types', json({ level: pick([1, true, {}, [], 'verbose']), id: pick([1, true, {}, [], '']) }))
    add('huge string', json({ level: 'x'.repeat(200_000), id: 1 }))
    add(`form body`, utf8('level=debug'), 'application/x-www-form-urlencoded')
  }
  return cases
}

/** Everything else: unknown routes (/usage, /token), wrong methods, odd paths and query strings. */
export function routeFuzzCases(): FuzzCase[] {
  const openai = (label: string, method: string, path: string, body?: string): FuzzCase => ({ label, method, path, body: body === undefined ? undefined : utf8(body), contentType: 'application/json', shape: 'openai' })
  const anthropic = (label: string, method: string, path: string, body?: string): FuzzCase => ({ ...openai(label, method, path, body), shape: 'anthropic' })
  return [
    // GET /usage and /token take no input; for an instance type without them they answer 501 by design.
    { ...openai('GET /usage with junk in the query', 'GET', '/usage?provider=%ZZ&__proto__[x]=1'), alsoAllowed: [501] },
    { ...openai('GET /token with junk in the query', 'GET', '/token?x=%00%ZZ&constructor=1'), alsoAllowed: [501] },
    openai('POST /usage', 'POST', '/usage', '{"x":1}'),
    openai('POST /token', 'POST', '/token', 'NaN'),
    openai('POST /health', 'POST', '/health', '{"__proto__":{}}'),
    openai('DELETE /health', 'DELETE', '/health'),
    openai('POST /v1/models', 'POST', '/v1/models', '[]'),
    openai('GET /v1/models/<unknown>', 'GET', '/v1/models/no-such-model'),
    openai('GET /v1/models/<huge id>', 'GET', `/v1/models/${'m'.repeat(6_000)}`),
    openai('GET /v1/models/<encoded NUL and slash>', 'GET', '/v1/models/a%00b%2F..%2F..%2Fetc%2Fpasswd'),
    openai('GET /v1/models/<invalid percent-encoding>', 'GET', '/v1/models/%E0%A4%A'),
    openai('GET /v1/models/__proto__', 'GET', '/v1/models/__proto__'),
    openai('GET /v1/models/constructor', 'GET', '/v1/models/constructor'),
    openai('GET /v1/chat/completions', 'GET', '/v1/chat/completions'),
    openai('PUT /v1/chat/completions', 'PUT', '/v1/chat/completions', '{}'),
    openai('GET /v1/embeddings', 'GET', '/v1/embeddings'),
    openai('GET /v1/responses/<unknown id>', 'GET', '/v1/responses/resp_nothing'),
    openai('GET /v1/responses/__proto__', 'GET', '/v1/responses/__proto__'),
    openai('GET /v1/responses (no websocket upgrade)', 'GET', '/v1/responses'),
    openai('POST /v1/chat/completions?x=%ZZ', 'POST', '/v1/chat/completions?x=%ZZ&__proto__[a]=1', '{"model":1}'),
    openai('GET /api/admin/providers:list', 'GET', '/api/admin/providers:list'),
    openai('POST /api/admin/no-such-channel', 'POST', '/api/admin/no-such-channel', '{}'),
    openai('POST /api/admin/__proto__', 'POST', '/api/admin/__proto__', '{}'),
    anthropic('GET /v1/messages', 'GET', '/v1/messages'),
    anthropic('POST /v1/messages/batches (not a route)', 'POST', '/v1/messages/batches', '{}'),
    anthropic('POST /v1/messages/count_tokens/extra', 'POST', '/v1/messages/count_tokens/extra', '{}'),
    anthropic('POST /v1/messages?beta=%ZZ', 'POST', '/v1/messages?beta=%ZZ', '{"model":[]}'),
  ]
}

/** A case whose body is well-formed: the gateway may serve it or refuse it, but never with a 5xx or a hang. */
export interface WellFormedCase extends FuzzCase {
  mayServe: true
}

/**
 * Deep nesting where a schema lets arbitrary JSON through (tool schemas, tool arguments, metadata-like
 * fields), on the passthrough and the translated paths: where a recursive walk would overflow the stack.
 */
export function deepWellFormedCases(levels: number): WellFormedCase[] {
  // Built as text: JSON.stringify itself overflows the stack on such values.
  const deep = '__DEEP__'
  const chatTools = [{ type: 'function', function: { name: 'deep', description: 'd', parameters: { type: 'object', properties: { a: deep } } } }]
  const anthropicTools = [{ name: 'deep', description: 'd', input_schema: { type: 'object', properties: { a: deep } } }]
  const responsesTools = [{ type: 'function', name: 'deep', description: 'd', parameters: { type: 'object', properties: { a: deep } } }]
  const deepArguments = deepObject(levels)
  const cases: Array<Omit<WellFormedCase, 'mayServe' | 'method' | 'contentType'> & { json: unknown }> = []
  for (const model of ['oa:mock-gpt', 'an:mock-claude']) {
    cases.push(
      { label: `chat → ${model}: tool parameters ${levels} deep`, path: '/v1/chat/completions', shape: 'openai', json: { model, messages: userTurn, tools: chatTools } },
      { label: `chat → ${model}: tool call arguments ${levels} deep`, path: '/v1/chat/completions', shape: 'openai', json: { model, messages: [...userTurn, { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'deep', arguments: deepArguments } }] }, { role: 'tool', tool_call_id: 'call_1', content: 'ok' }], tools: chatTools } },
      { label: `chat → ${model}: response_format schema ${levels} deep`, path: '/v1/chat/completions', shape: 'openai', json: { model, messages: userTurn, response_format: { type: 'json_schema', json_schema: { name: 'deep', schema: { type: 'object', properties: { a: deep } } } } } },
      { label: `messages → ${model}: input_schema ${levels} deep`, path: '/v1/messages', shape: 'anthropic', json: { model, max_tokens: 64, messages: userTurn, tools: anthropicTools } },
      { label: `messages → ${model}: tool_use input ${levels} deep`, path: '/v1/messages', shape: 'anthropic', json: { model, max_tokens: 64, tools: anthropicTools, messages: [...userTurn, { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'deep', input: deep }] }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'ok' }] }] } },
      { label: `messages → ${model}: metadata ${levels} deep`, path: '/v1/messages', shape: 'anthropic', json: { model, max_tokens: 64, messages: userTurn, metadata: { user_id: 'u', extra: deep } } },
      { label: `count_tokens → ${model}: input_schema ${levels} deep`, path: '/v1/messages/count_tokens', shape: 'anthropic', json: { model, messages: userTurn, tools: anthropicTools } },
      { label: `responses → ${model}: tool parameters ${levels} deep`, path: '/v1/responses', shape: 'openai', json: { model, input: 'hi', tools: responsesTools } },
      { label: `responses → ${model}: text.format schema ${levels} deep`, path: '/v1/responses', shape: 'openai', json: { model, input: 'hi', text: { format: { type: 'json_schema', name: 'deep', schema: { type: 'object', properties: { a: deep } } } } } },
      { label: `chat → ${model}: unknown top-level field ${levels} deep`, path: '/v1/chat/completions', shape: 'openai', json: { model, messages: userTurn, x_extension: deep } },
      { label: `messages → ${model}: unknown top-level field ${levels} deep`, path: '/v1/messages', shape: 'anthropic', json: { model, max_tokens: 64, messages: userTurn, x_extension: deep } },
    )
  }
  const bodyOf = (value: unknown) => utf8(JSON.stringify(value).replaceAll('"__DEEP__"', deepObject(levels)))
  return cases.map(({ json: value, ...rest }) => ({ ...rest, method: 'POST', contentType: 'application/json', body: bodyOf(value), mayServe: true }))
}
