import type { Server } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { Hono, type Context } from 'hono'
import { buildDashScopeChunks } from './dashscope-mock-chunks'
import { buildDashScopeCompletion } from './dashscope-mock-completion'
import { dashScopeErrorForStatus, dashScopeMockError, type DashScopeMockError } from './dashscope-mock-error'
import { dashScopeMockModelList } from './dashscope-mock-models'
import { planDashScopeReply } from './dashscope-mock-reply'
import { validateDashScopeRequest } from './dashscope-mock-validate'
import { listenOnLoopback } from './listen-on-loopback'
import { answerOpenAiEmbeddings } from './openai-chat-mock-embeddings'
import type { RecordedOpenAiRequest } from './openai-chat-mock'
import { createOpenAiChatSseBody } from './openai-chat-sse-body'
import { readHonoMockRequest } from './read-hono-mock-request'

/**
 * A strict local stand-in for DashScope's OpenAI-compatible mode on 127.0.0.1: POST
 * /compatible-mode/v1/chat/completions, GET …/models, POST …/embeddings. It refuses what the real service
 * refuses (fields outside the documented set, unknown models, images for text models, out-of-range
 * sampling and thinking budgets, non-streaming calls to stream-only thinking, cache markers other than
 * `{"type":"ephemeral"}`), with DashScope's error bodies, and answers by the shared markers (see
 * openai-chat-mock): WITHTHINKING yields reasoning only in thinking mode (`enable_thinking: true`, or a
 * model that thinks by default); STREAM_FAILS refuses streaming with a 500. Models: dashscope-mock-models.
 */
export interface DashScopeMock {
  /** The OpenAI-compatible root, as `baseUrl` takes it (`…/compatible-mode/v1`). */
  url: string
  requests: RecordedOpenAiRequest[]
  close(): Promise<void>
}

type MockEnv = { Variables: { record: RecordedOpenAiRequest } }

export async function startDashScopeMock(options: { apiKey?: string } = {}): Promise<DashScopeMock> {
  const requests: RecordedOpenAiRequest[] = []
  const app = new Hono<MockEnv>().basePath('/compatible-mode/v1')

  app.use(async (c, next) => {
    const record = await readHonoMockRequest(c)
    requests.push(record)
    c.set('record', record)
    if (options.apiKey !== undefined && record.headers.authorization !== `Bearer ${options.apiKey}`) return sendError(c, dashScopeErrorForStatus(401))
    await next()
  })

  app.post('/chat/completions', (c) => {
    const body = c.get('record').body
    const checked = validateDashScopeRequest(body)
    if ('status' in checked) return sendError(c, checked)
    const request = body as { model: string; messages: Array<Record<string, unknown>>; tools?: unknown; stream_options?: { include_usage?: boolean } }
    const plan = planDashScopeReply(request, checked.model, checked.thinks)
    if (plan.failure) return sendError(c, dashScopeErrorForStatus(plan.failure.status))
    if (checked.stream && plan.streamFails) return sendError(c, dashScopeErrorForStatus(500))
    if (!checked.stream) return plan.midstreamError ? sendError(c, dashScopeErrorForStatus(500)) : c.json(buildDashScopeCompletion(plan))
    const { chunks, done } = buildDashScopeChunks(plan, request.stream_options?.include_usage === true)
    const delayMs = plan.slow ? 25 : plan.splitCharacters ? 2 : 0
    const sse = createOpenAiChatSseBody(chunks.map((chunk) => JSON.stringify(chunk)), { done, splitCharacters: plan.splitCharacters, delayMs })
    return c.body(sse, 200, { 'content-type': 'text/event-stream;charset=UTF-8', 'cache-control': 'no-cache' })
  })

  app.get('/models', (c) => c.json(dashScopeMockModelList()))

  app.post('/embeddings', (c) => {
    const answer = answerOpenAiEmbeddings(c.get('record').body)
    return c.json(answer.json as object, answer.status as 200)
  })

  app.notFound((c) => sendError(c, dashScopeMockError(404, `Not found: ${c.req.method} ${new URL(c.req.url).pathname}`, { code: 'NotFound', type: 'NotFound' })))

  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  const listener = await listenOnLoopback(server)
  return {
    url: `${listener.origin}/compatible-mode/v1`,
    requests,
    close: listener.close,
  }
}

function sendError(c: Context<MockEnv>, error: DashScopeMockError): Response {
  return c.json(error.body, error.status as 400, error.headers ?? {})
}
