import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { checkGeminiMockShape } from './gemini-mock-check-shape'
import { answerGeminiMockBatchEmbedContents, answerGeminiMockEmbedContent } from './gemini-mock-embeddings'
import { GeminiMockError, geminiMockMarkerError, geminiParseError, geminiValidationError } from './gemini-mock-error'
import { sendGeminiMockError, sendGeminiMockJson } from './gemini-mock-http'
import { findGeminiMockModel, geminiMockModelInfo, geminiMockModelPage, geminiMockModelsFrom } from './gemini-mock-models'
import { planGeminiMockReply } from './gemini-mock-reply-plan'
import { geminiMockResponse, geminiMockStreamChunks } from './gemini-mock-response'
import { countGeminiMockPromptTokens } from './gemini-mock-token-count'
import { validateGeminiMockRequest } from './gemini-mock-validate-request'
import { validateGeminiMockTurns } from './gemini-mock-validate-turns'
import { writeGeminiMockStream } from './gemini-mock-write-stream'
import { listenOnLoopback } from './listen-on-loopback'
import { readMockRequest, type RecordedMockRequest } from './read-mock-request'

export interface GeminiMock {
  /** The base URL without the API version, as the provider's `baseUrl`. */
  url: string
  /** Every request, in arrival order, recorded before validation. */
  requests: RecordedMockRequest[]
  /** The next valid streamGenerateContent request answers with these recorded chunks (one JSON per line), then closes. */
  replayNextStream(lines: string[]): void
  close(): Promise<void>
}

export interface GeminiMockOptions {
  /** When set, requests must carry it as `x-goog-api-key` (or `?key=`). */
  apiKey?: string
  /** GET /v1beta/models lists these (names with "embedding" embed, the others generate). */
  models?: string[]
}

const modelCall = /^\/v1beta\/models\/([^/:]+):([A-Za-z]+)$/

/**
 * A strict local Gemini API (generativelanguage v1beta) on 127.0.0.1 (random port): models/*:generateContent,
 * :streamGenerateContent (SSE with `alt=sse`, else a JSON array), :countTokens, :embedContent,
 * :batchEmbedContents, GET models[/{id}]. Bodies are parsed like the proto JSON transcoder (unknown
 * fields, lists, enums, base64) and validated like the API (gemini-mock-validate-*), with Google's error
 * bodies; answers follow the shared mock-upstream markers in the last user content (gemini-mock-reply-plan).
 */
export async function startGeminiMock(options: GeminiMockOptions = {}): Promise<GeminiMock> {
  const requests: RecordedMockRequest[] = []
  const replays: string[][] = []
  const signedCallIds = new Set<string>()
  const models = geminiMockModelsFrom(options.models)

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => sendGeminiMockError(response, new GeminiMockError(500, `mock failure: ${(error as Error).message}`)))
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { record, url } = await readMockRequest(request, response)
    requests.push(record)
    try {
      authorize(record.headers['x-goog-api-key'] || url.searchParams.get('key') || undefined)
      await route(record, url.searchParams, response)
    } catch (error) {
      if (!(error instanceof GeminiMockError)) throw error
      sendGeminiMockError(response, error)
    }
  }

  function authorize(key: string | undefined): void {
    if (options.apiKey === undefined) return
    if (!key) {
      throw new GeminiMockError(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")
    }
    if (key !== options.apiKey) {
      throw new GeminiMockError(400, 'API key not valid. Please pass a valid API key.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
      ])
    }
  }

  async function route(record: RecordedMockRequest, query: URLSearchParams, response: ServerResponse): Promise<void> {
    if (record.method === 'GET' && record.path === '/v1beta/models') return sendGeminiMockJson(response, 200, geminiMockModelPage(models, query))
    const info = /^\/v1beta\/models\/([^/:]+)$/.exec(record.path)
    if (record.method === 'GET' && info) return sendGeminiMockJson(response, 200, geminiMockModelInfo(findGeminiMockModel(models, decodeURIComponent(info[1]!), 'generateContent')))
    const call = modelCall.exec(record.path)
    if (record.method !== 'POST' || !call) throw new GeminiMockError(404, `Method not found: ${record.method} ${record.path}`)
    const model = findGeminiMockModel(models, decodeURIComponent(call[1]!), call[2]!).id
    switch (call[2]) {
      case 'embedContent':
        return sendGeminiMockJson(response, 200, answerGeminiMockEmbedContent(parse(record.body, 'EmbedContentRequest')))
      case 'batchEmbedContents':
        return sendGeminiMockJson(response, 200, answerGeminiMockBatchEmbedContents(parse(record.body, 'BatchEmbedContentsRequest'), model))
      case 'countTokens':
        return sendGeminiMockJson(response, 200, countTokens(parse(record.body, 'CountTokensRequest'), model))
      case 'generateContent':
      case 'streamGenerateContent':
        return generate(parse(record.body, 'GenerateContentRequest'), model, call[2] === 'streamGenerateContent', query.get('alt') === 'sse', response)
    }
  }

  async function generate(body: Record<string, unknown>, model: string, stream: boolean, sse: boolean, response: ServerResponse): Promise<void> {
    validateGeminiMockRequest(body)
    validateGeminiMockTurns(body.contents as Array<Record<string, unknown>>, signedCallIds)
    const replay = replays.shift()
    if (stream && replay) return writeGeminiMockStream(response, replay.map((line) => JSON.parse(line) as unknown), { sse })
    const plan = planGeminiMockReply(body, signedCallIds)
    if (plan.errorStatus) throw geminiMockMarkerError(plan.errorStatus)
    if (stream && plan.streamFails) throw geminiMockMarkerError(503)
    const ids = { model, responseId: randomBytes(16).toString('base64url') }
    if (!stream) {
      if (plan.midstreamError) throw geminiMockMarkerError(500)
      return sendGeminiMockJson(response, 200, geminiMockResponse(plan, ids))
    }
    return writeGeminiMockStream(response, geminiMockStreamChunks(plan, ids), { sse, splitUnicode: plan.splitUnicode, ...(plan.slow ? { pauseMs: 40 } : {}) })
  }

  function countTokens(body: Record<string, unknown>, model: string): Record<string, unknown> {
    const nested = body.generateContentRequest as Record<string, unknown> | undefined
    if (nested && body.contents) throw new GeminiMockError(400, 'contents and generate_content_request are mutually exclusive.')
    if (nested && nested.model !== `models/${model}`) throw geminiValidationError('CountTokensRequest', [`generate_content_request.model: must be the model of the URL (models/${model})`])
    if (nested) validateGeminiMockRequest(nested, 'generate_content_request.', 'CountTokensRequest')
    const prompt = nested ?? { contents: body.contents }
    return { totalTokens: countGeminiMockPromptTokens(prompt), promptTokensDetails: [{ modality: 'TEXT', tokenCount: countGeminiMockPromptTokens(prompt) }] }
  }

  const listener = await listenOnLoopback(server)
  return {
    url: listener.origin,
    requests,
    replayNextStream: (lines) => replays.push(lines.filter((line) => line.trim() !== '')),
    close: listener.close,
  }
}

/** JSON → a proto message, normalised to JSON names; the parser's violations are the 400. */
function parse(body: unknown, message: string): Record<string, unknown> {
  if (typeof body === 'string' || body === undefined) throw new GeminiMockError(400, `Invalid JSON payload received. Unexpected token.\n${String(body ?? '').slice(0, 40)}\n^`)
  const { violations, normalized } = checkGeminiMockShape(body, message)
  if (violations.length > 0) throw geminiParseError(violations)
  return normalized
}
