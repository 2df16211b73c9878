import type { Server } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { createAdaptorServer } from '@hono/node-server'
import { Hono, type Context } from 'hono'
import { listenOnLoopback } from './listen-on-loopback'
import { buildOpenAiChatChunks } from './openai-chat-mock-chunks'
import { buildOpenAiChatCompletion } from './openai-chat-mock-completion'
import { answerOpenAiEmbeddings } from './openai-chat-mock-embeddings'
import { openAiMockError, openAiErrorForStatus, type OpenAiMockError } from './openai-chat-mock-error'
import { mockId, planOpenAiChatReply, textOf } from './openai-chat-mock-reply'
import { openAiMockModels } from './openai-chat-mock-models'
import { createOpenAiChatSseBody } from './openai-chat-sse-body'
import { validateOpenAiChatRequest } from './openai-chat-validate-request'
import { readHonoMockRequest } from './read-hono-mock-request'

/**
 * A strict local stand-in for the OpenAI API on 127.0.0.1 (POST /v1/chat/completions, GET /v1/models,
 * POST /v1/embeddings). It rejects what the real API rejects, with the real error bodies, and answers
 * by the shared mock-upstream markers in the LAST user message:
 *   TOOLCALL:<name>:<json-args>  one tool call, arguments streamed across several chunks
 *   PARALLEL_TOOLS               get_weather {"city":"Paris"} and get_weather {"city":"London"}
 *   WITHTHINKING                 reasoning first (`reasoning_content` deltas; non-stream `message.reasoning_content`)
 *   ERROR:<status>               that status with OpenAI's error body (429 adds `retry-after: 7`)
 *   MIDSTREAM_ERROR              some text, then `data: {"error":{…}}`, then close (non-stream: 500)
 *   STREAM_FAILS                 a streaming request gets 503 before any byte; the same request without stream works
 *   UNICODE                      `héllo wörld 🌍 日本語`, bytes written split inside characters
 *   MAXTOKENS / STOPSEQ          finish_reason `length` / `stop`
 *   CACHE                        usage with `prompt_tokens_details.cached_tokens: 100`
 *   SLOW_STREAM                  40 deltas 25 ms apart (for abort tests)
 *   SLOW_FIRST_BYTE:<ms>         waits that long before answering at all, headers included (first-byte timeouts)
 *   STALL_AFTER_FIRST_CHUNK      a stream sends its first chunk, then nothing until the client hangs up (idle timeouts)
 * Default text `Hello from the mock upstream.`; after a tool turn `Tool said: <results joined by "; ">`
 * (tool-call markers are then ignored, so loops end); images anywhere add ` (saw N image(s))`.
 * Usage is deterministic and streamed only with `stream_options.include_usage` (a last `choices: []` chunk).
 * Model names select quirks: `quirk-empty-choices`, `quirk-tool-stop`, `quirk-tooluse-ids`, `quirk-args-first-chunk`,
 * `quirk-ignores-stream` (a JSON answer to a stream request).
 */
export interface OpenAiChatMockOptions {
  /** When set, every request needs `Authorization: Bearer <apiKey>`. */
  apiKey?: string
  /** Non-OpenAI fields to accept at the top level, in messages and in content parts (`reasoning_content`, `top_k`, `cache_control`). */
  acceptedExtensions?: string[]
}

export interface RecordedOpenAiRequest {
  method: string
  path: string
  headers: Record<string, string>
  /** The parsed JSON body (the raw text when it was not JSON; undefined for GET). */
  body: unknown
  /** The client closed the connection before the response ended. */
  clientClosed: boolean
}

export interface OpenAiChatMock {
  /** Base URL including `/v1` (what OPENAI_BASE_URL would be). */
  url: string
  requests: RecordedOpenAiRequest[]
  /** The next streaming chat request (validated as usual) is answered with these JSON chunk lines instead. */
  replayNextStream(chunkLines: string[], options?: { done?: boolean }): void
  close(): Promise<void>
}

type MockEnv = { Variables: { record: RecordedOpenAiRequest } }

export async function startOpenAiChatMock(options: OpenAiChatMockOptions = {}): Promise<OpenAiChatMock> {
  const requests: RecordedOpenAiRequest[] = []
  const replays: Array<{ lines: string[]; done: boolean }> = []
  const extensions = new Set(options.acceptedExtensions ?? [])
  const app = new Hono<MockEnv>()

  app.use(async (c, next) => {
    const record = await readHonoMockRequest(c)
    requests.push(record)
    c.set('record', record)
    const denied = checkAuthorization(record.headers.authorization, options.apiKey)
    if (denied) return sendError(c, denied)
    await next()
  })

  app.post('/v1/chat/completions', async (c) => {
    const body = c.get('record').body
    const problem = validateOpenAiChatRequest(body, extensions)
    if (problem) return sendError(c, problem)
    const request = body as { model: string; messages: Array<Record<string, unknown>>; tools?: unknown; stream?: boolean; stream_options?: { include_usage?: boolean } }
    const stream = request.stream === true
    if (stream && replays.length > 0) {
      const replay = replays.shift()!
      return sse(c, createOpenAiChatSseBody(replay.lines, { done: replay.done, splitCharacters: true, delayMs: 1 }))
    }
    const plan = planOpenAiChatReply(request)
    const lastUserText = textOf([...request.messages].reverse().find((message) => message.role === 'user')?.content)
    const firstByteDelayMs = Number(/SLOW_FIRST_BYTE:(\d+)/.exec(lastUserText)?.[1] ?? 0)
    if (firstByteDelayMs > 0) await sleep(firstByteDelayMs)
    if (plan.failure) return sendError(c, plan.failure)
    // `STREAM_FAILS`: streaming requests get a 503 before any byte, non-streaming ones are answered (DashScope-like).
    if (stream && plan.streamFails) return sendError(c, openAiErrorForStatus(503))
    // Model `quirk-ignores-stream`: answers in one JSON piece even when asked to stream (some local servers do).
    if (!stream || request.model.includes('quirk-ignores-stream')) {
      return plan.midstreamError ? sendError(c, openAiErrorForStatus(500)) : c.json(buildOpenAiChatCompletion(plan), 200, { 'x-request-id': mockId('req_') })
    }
    const { chunks, done } = buildOpenAiChatChunks(plan, request.stream_options?.include_usage === true)
    if (lastUserText.includes('STALL_AFTER_FIRST_CHUNK')) return sse(c, stallAfterFirstChunk(JSON.stringify(chunks[0])))
    const delayMs = plan.slow ? 25 : plan.splitCharacters ? 2 : 0
    return sse(c, createOpenAiChatSseBody(chunks.map((chunk) => JSON.stringify(chunk)), { done, splitCharacters: plan.splitCharacters, delayMs }))
  })

  app.get('/v1/models', (c) => c.json({ object: 'list', data: openAiMockModels }))

  app.post('/v1/embeddings', (c) => {
    const answer = answerOpenAiEmbeddings(c.get('record').body)
    return c.json(answer.json as object, answer.status as 200)
  })

  app.notFound((c) => sendError(c, openAiMockError(404, `Invalid URL (${c.req.method} ${new URL(c.req.url).pathname})`)))

  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  const listener = await listenOnLoopback(server)

  return {
    url: `${listener.origin}/v1`,
    requests,
    replayNextStream(chunkLines, replayOptions = {}) {
      replays.push({ lines: chunkLines, done: replayOptions.done ?? true })
    },
    close: listener.close,
  }
}

function checkAuthorization(header: string | undefined, apiKey: string | undefined): OpenAiMockError | undefined {
  if (apiKey === undefined) return undefined
  const presented = /^Bearer (.+)$/.exec(header ?? '')?.[1]
  if (presented === undefined) {
    return openAiMockError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
    )
  }
  if (presented === apiKey) return undefined
  const masked = `${presented.slice(0, 3)}*${'*'.repeat(Math.max(0, presented.length - 7))}${presented.slice(-4)}`
  return openAiMockError(401, `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`, { code: 'invalid_api_key' })
}

function sendError(c: Context<MockEnv>, error: OpenAiMockError): Response {
  return c.json(error.body, error.status as 400, { 'x-request-id': mockId('req_'), ...error.headers })
}

function sse(c: Context<MockEnv>, body: ReadableStream<Uint8Array>): Response {
  return c.body(body, 200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': mockId('req_') })
}

/** `data: <first chunk>`, then a body that never sends another byte nor ends (it stops when the client hangs up). */
function stallAfterFirstChunk(firstChunk: string): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(`data: ${firstChunk}\n\n`))
    },
    pull: () => new Promise<void>(() => undefined),
  })
}
