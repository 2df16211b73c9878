import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { AnthropicMockError, anthropicMockMarkerError } from './anthropic-mock-error'
import { sendMockError, sendMockJson } from './anthropic-mock-http'
import { defaultMockModels, mockModelInfo, mockModelPage } from './anthropic-mock-models'
import { planMockReply, type MockReplyPlan } from './anthropic-mock-reply-plan'
import { mockMessage, mockStreamFrames, type MockSseFrame } from './anthropic-mock-stream-frames'
import { countMockInputTokens } from './anthropic-mock-token-count'
import { validateMockRequest } from './anthropic-mock-validate-request'
import { createAnthropicMockValidationContext } from './anthropic-mock-validation-context'
import { writeMockStream } from './anthropic-mock-write-stream'
import { listenOnLoopback } from './listen-on-loopback'
import { readMockRequest, type RecordedMockRequest } from './read-mock-request'

export interface AnthropicMessagesMock {
  /** The base URL without `/v1`, as ANTHROPIC_BASE_URL. */
  url: string
  /** Every request, in arrival order, recorded before validation. */
  requests: RecordedMockRequest[]
  /** The next valid POST /v1/messages answers with these recorded events (one JSON event per line), then closes. */
  replayNextStream(lines: string[]): void
  close(): Promise<void>
}

export interface AnthropicMessagesMockOptions {
  /** When set, requests must carry it as `x-api-key` (else 401 authentication_error). */
  apiKey?: string
  /** GET /v1/models lists these (default: defaultMockModels). */
  models?: string[]
}

/** Versions of the `anthropic-version` header the API knows (see the versioning page). */
const knownVersions = new Set(['2023-01-01', '2023-06-01', '2026-10-21'])

/**
 * A strict local Anthropic Messages API on 127.0.0.1 (random port): POST /v1/messages (JSON or SSE),
 * POST /v1/messages/count_tokens, GET /v1/models[/{id}]. It rejects what the real API rejects (see the
 * anthropic-mock-validate-* files) and answers according to the shared mock-upstream markers in the last
 * user message (see anthropic-mock-reply-plan).
 */
export async function startAnthropicMessagesMock(options: AnthropicMessagesMockOptions = {}): Promise<AnthropicMessagesMock> {
  const requests: RecordedMockRequest[] = []
  const replays: string[][] = []
  const models = options.models ?? defaultMockModels

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => sendMockError(response, new AnthropicMockError(500, 'api_error', `mock failure: ${(error as Error).message}`)))
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { record, url } = await readMockRequest(request, response)
    requests.push(record)
    response.setHeader('request-id', `req_${randomBytes(12).toString('hex')}`)
    try {
      authorize(record.headers)
      await route(record, url.searchParams, response)
    } catch (error) {
      if (!(error instanceof AnthropicMockError)) throw error
      sendMockError(response, error)
    }
  }

  function authorize(headers: Record<string, string>): void {
    if (options.apiKey !== undefined) {
      // The key travels as x-api-key or (what the 2026 SDKs send) Authorization: Bearer; x-api-key wins.
      const key = headers['x-api-key'] || /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1]
      if (!key) throw new AnthropicMockError(401, 'authentication_error', 'x-api-key header is required')
      if (key !== options.apiKey) throw new AnthropicMockError(401, 'authentication_error', 'invalid x-api-key')
    }
    const version = headers['anthropic-version']
    if (!version) throw new AnthropicMockError(400, 'invalid_request_error', 'anthropic-version: header is required')
    if (!knownVersions.has(version)) throw new AnthropicMockError(400, 'invalid_request_error', `anthropic-version: "${version}" is not a valid version`)
  }

  async function route(record: RecordedMockRequest, query: URLSearchParams, response: ServerResponse): Promise<void> {
    const context = createAnthropicMockValidationContext(record.headers)
    const endpoint = `${record.method} ${record.path}`
    if (endpoint === 'GET /v1/models') return sendMockJson(response, 200, mockModelPage(models, query))
    if (record.method === 'GET' && record.path.startsWith('/v1/models/')) {
      const id = decodeURIComponent(record.path.slice('/v1/models/'.length))
      if (!models.includes(id)) throw new AnthropicMockError(404, 'not_found_error', `model: ${id}`)
      return sendMockJson(response, 200, mockModelInfo(id, models.indexOf(id)))
    }
    if (endpoint === 'POST /v1/messages/count_tokens') {
      const body = validateMockRequest(requireJson(record.body), 'count_tokens', context)
      return sendMockJson(response, 200, { input_tokens: countMockInputTokens(body) })
    }
    if (endpoint !== 'POST /v1/messages') throw new AnthropicMockError(404, 'not_found_error', 'Not found')

    const body = validateMockRequest(requireJson(record.body), 'messages', context)
    const replay = replays.shift()
    if (replay) return writeMockStream(response, replay.map(toFrame))
    const plan = planMockReply(body)
    if (plan.errorStatus) throw anthropicMockMarkerError(plan.errorStatus)
    const id = `msg_${randomBytes(12).toString('hex')}`
    const model = body.model as string
    if (body.stream === true) return writeMockStream(response, mockStreamFrames(plan, id, model), streamOptions(plan))
    sendMockJson(response, 200, mockMessage(plan, id, model, true))
  }

  const listener = await listenOnLoopback(server)
  return {
    url: listener.origin,
    requests,
    replayNextStream: (lines) => replays.push(lines.filter((line) => line.trim() !== '')),
    close: listener.close,
  }
}

function streamOptions(plan: MockReplyPlan) {
  return { splitUnicode: plan.splitUnicode, ...(plan.slow ? { pauseMs: 40 } : {}) }
}

function toFrame(line: string): MockSseFrame {
  const data = JSON.parse(line) as Record<string, unknown>
  return { event: String(data.type), data }
}

function requireJson(body: unknown): unknown {
  if (typeof body === 'string') throw new AnthropicMockError(400, 'invalid_request_error', 'There was an error parsing the body: it is not valid JSON')
  return body
}
