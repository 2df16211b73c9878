import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { Hono, type Context } from 'hono'
import { startAnthropicMessagesMock } from './anthropic-messages-mock'
import { copilotMockModels } from './copilot-api-mock-models'
import { planResponsesReply, responsesObject, responsesStreamEvents, validateResponsesRequest } from './copilot-api-mock-responses'
import type { CopilotTokenCheck } from './github-mock'
import { listenOnLoopback } from './listen-on-loopback'
import { startOpenAiChatMock, type RecordedOpenAiRequest } from './openai-chat-mock'
import { openAiMockError, type OpenAiMockError } from './openai-chat-mock-error'
import { readHonoMockRequest } from './read-hono-mock-request'

export interface CopilotApiMockOptions {
  /** Whether a Copilot token is one GitHub issued and still valid (the GitHub replica's checkCopilotToken). */
  checkToken(token: string): CopilotTokenCheck
}

export interface CopilotApiMock {
  /** The API root (what `endpoints.api` names). */
  url: string
  requests: RecordedOpenAiRequest[]
  close(): Promise<void>
}

type MockEnv = { Variables: { record: RecordedOpenAiRequest } }

const endpointOf: Record<string, string> = { '/chat/completions': '/chat/completions', '/v1/messages': '/v1/messages', '/responses': '/responses' }
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A strict local Copilot API (api.githubcopilot.com): `GET /models` with `supported_endpoints`,
 * `POST /chat/completions`, `POST /v1/messages` (native Anthropic), `POST /responses`, `POST /embeddings`.
 * It answers 401 to a missing, unknown or expired Copilot token, 400 to a request without the editor
 * headers Copilot requires, to a model on an endpoint it is not served on, and to images without
 * `copilot-vision-request`. Chat and Messages bodies are validated and answered by the strict OpenAI and
 * Anthropic replicas behind it (same markers); Responses by its own minimal replica.
 */
export async function startCopilotApiMock(options: CopilotApiMockOptions): Promise<CopilotApiMock> {
  const requests: RecordedOpenAiRequest[] = []
  const chat = await startOpenAiChatMock()
  const messages = await startAnthropicMessagesMock({ models: copilotMockModels.map((model) => model.id) })
  const app = new Hono<MockEnv>()

  app.use(async (c, next) => {
    const record = await readHonoMockRequest(c)
    requests.push(record)
    c.set('record', record)
    const token = /^Bearer (.+)$/.exec(record.headers.authorization ?? '')?.[1]
    const check = token ? options.checkToken(token) : 'unknown'
    if (check !== 'valid') return sendError(c, openAiMockError(401, check === 'expired' ? 'unauthorized: token expired' : 'unauthorized: invalid token', { type: 'authentication_error', code: 'unauthorized' }))
    if (!record.headers['editor-version']) return sendError(c, openAiMockError(400, 'missing Editor-Version header for IDE auth', { code: 'bad_request' }))
    if (!record.headers['copilot-integration-id']) return sendError(c, openAiMockError(400, 'missing Copilot-Integration-Id header', { code: 'bad_request' }))
    const requestId = record.headers['x-request-id']
    if (!requestId || !uuid.test(requestId)) return sendError(c, openAiMockError(400, 'missing or malformed X-Request-Id header', { code: 'bad_request' }))
    const initiator = record.headers['x-initiator']
    if (initiator !== undefined && initiator !== 'user' && initiator !== 'agent') return sendError(c, openAiMockError(400, `invalid X-Initiator: ${initiator}`, { code: 'bad_request' }))
    if (record.method === 'POST') {
      const problem = checkModelAndVision(record)
      if (problem) return sendError(c, problem)
    }
    await next()
  })

  app.get('/models', (c) => c.json({ object: 'list', data: copilotMockModels }))

  app.post('/chat/completions', (c) => forward(c, `${chat.url}/chat/completions`))
  app.post('/embeddings', (c) => forward(c, `${chat.url}/embeddings`))
  app.post('/v1/messages', (c) => forward(c, `${messages.url}/v1/messages`))

  app.post('/responses', (c) => {
    const body = c.get('record').body
    const problem = validateResponsesRequest(body)
    if (problem) return sendError(c, problem)
    const request = body as Record<string, unknown>
    const plan = planResponsesReply(request)
    const id = `resp_${randomBytes(12).toString('hex')}`
    if (request.stream !== true) return c.json(responsesObject(request, plan, id))
    const text = responsesStreamEvents(request, plan, id)
      .map((event) => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`)
      .join('')
    return c.body(text, 200, { 'content-type': 'text/event-stream; charset=utf-8' })
  })

  app.notFound((c) => sendError(c, openAiMockError(404, `404 page not found (${c.req.method} ${new URL(c.req.url).pathname})`, { code: 'not_found' })))

  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  const listener = await listenOnLoopback(server)
  return {
    url: listener.origin,
    requests,
    close: async () => {
      await listener.close()
      await chat.close()
      await messages.close()
    },
  }
}

function checkModelAndVision(record: RecordedOpenAiRequest): OpenAiMockError | undefined {
  if (typeof record.body !== 'object' || record.body === null) return undefined // the replica behind answers the parse error
  const model = (record.body as { model?: unknown }).model
  const known = copilotMockModels.find((candidate) => candidate.id === model)
  if (record.path === '/embeddings') return known ? undefined : openAiMockError(400, 'The requested model is not supported.', { code: 'model_not_supported', param: 'model' })
  const endpoint = endpointOf[record.path]
  if (!endpoint) return undefined
  if (!known) return openAiMockError(400, 'The requested model is not supported.', { code: 'model_not_supported', param: 'model' })
  if (!(known.supported_endpoints ?? []).includes(endpoint)) {
    return openAiMockError(400, `model ${known.id} is not accessible via the ${endpoint} endpoint`, { code: 'unsupported_api_for_model' })
  }
  const text = JSON.stringify(record.body)
  const hasImage = text.includes('"type":"image_url"') || text.includes('"type":"image"') || text.includes('"type":"input_image"')
  if (hasImage && record.headers['copilot-vision-request'] !== 'true') return openAiMockError(400, 'missing required Copilot-Vision-Request header for vision requests', { code: 'bad_request' })
  return undefined
}

/** Hands the body to the strict replica behind (auth already checked here), streaming its answer back. */
async function forward(c: Context<MockEnv>, url: string): Promise<Response> {
  const record = c.get('record')
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: record.headers.accept ?? 'application/json' }
  for (const name of ['anthropic-version', 'anthropic-beta']) if (record.headers[name]) headers[name] = record.headers[name]
  const body = typeof record.body === 'string' ? record.body : JSON.stringify(record.body)
  const answer = await fetch(url, { method: 'POST', headers, body, signal: c.req.raw.signal })
  return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json', ...(answer.headers.get('retry-after') ? { 'retry-after': answer.headers.get('retry-after')! } : {}) } })
}

function sendError(c: Context<MockEnv>, error: OpenAiMockError): Response {
  return c.json(error.body, error.status as 400, error.headers ?? {})
}
