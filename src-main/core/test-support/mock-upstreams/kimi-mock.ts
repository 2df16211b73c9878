import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { AnthropicMockError } from './anthropic-mock-error'
import { sendMockError, sendMockJson } from './anthropic-mock-http'
import { answerKimiAnthropicMessages } from './kimi-mock-anthropic-route'
import { answerKimiChat } from './kimi-mock-chat-route'
import { kimiErrorForStatus, kimiMockError, sendKimiError } from './kimi-mock-error'
import { kimiMockModelList } from './kimi-mock-models'
import { answerKimiTokenEstimate } from './kimi-mock-token-estimate'
import { listenOnLoopback } from './listen-on-loopback'
import type { RecordedOpenAiRequest } from './openai-chat-mock'
import { readMockBody } from './read-mock-body'

/**
 * A strict local stand-in for the Kimi (Moonshot) API on 127.0.0.1:
 *   POST /v1/chat/completions, GET /v1/models, POST /v1/tokenizers/estimate-token-count (Bearer auth), and
 *   POST /anthropic/v1/messages, the Anthropic-compatible endpoint (see kimi-mock-anthropic-route).
 * Chat requests are held to Moonshot's rules (kimi-mock-validate-*): pinned sampling on kimi-* models,
 * thinking switches per model, forced tool choice refused while thinking, reasoning_content required on
 * tool-call turns while thinking, images only for vision models; unknown top-level fields are ignored, as
 * the live API does. Answers follow the shared markers (see openai-chat-mock); WITHTHINKING yields
 * reasoning only while the model thinks (kimi-k2.x by default). Streams carry usage inside the finishing
 * choice, plus a top-level usage chunk with `stream_options.include_usage`.
 */
export interface KimiMock {
  /** The Chat Completions root, as `baseUrl` takes it (`…/v1`). */
  url: string
  /** The Anthropic-compatible root (`…/anthropic`), next to `url` as on api.moonshot.ai. */
  anthropicUrl: string
  requests: RecordedOpenAiRequest[]
  close(): Promise<void>
}

export async function startKimiMock(options: { apiKey?: string } = {}): Promise<KimiMock> {
  const requests: RecordedOpenAiRequest[] = []

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://mock').pathname
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]))
    const body = await readMockBody(request)
    const record: RecordedOpenAiRequest = { method: request.method ?? 'GET', path, headers, body, clientClosed: false }
    requests.push(record)
    response.on('close', () => (record.clientClosed = !response.writableFinished))
    const endpoint = `${record.method} ${path}`

    if (path.startsWith('/anthropic/')) {
      if (endpoint !== 'POST /anthropic/v1/messages') throw new AnthropicMockError(404, 'not_found_error', `Not found: ${endpoint}`)
      return answerKimiAnthropicMessages(response, headers, body, options.apiKey)
    }
    if (options.apiKey !== undefined && headers.authorization !== `Bearer ${options.apiKey}`) return sendKimiError(response, kimiErrorForStatus(401))
    if (endpoint === 'POST /v1/chat/completions') return answerKimiChat(response, body)
    if (endpoint === 'GET /v1/models') return sendMockJson(response, 200, kimiMockModelList())
    if (endpoint === 'POST /v1/tokenizers/estimate-token-count') return answerKimiTokenEstimate(response, body)
    sendKimiError(response, kimiMockError(404, `Invalid request: no route for ${endpoint}`, 'resource_not_found_error'))
  }

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (error instanceof AnthropicMockError) return sendMockError(response, error)
      sendKimiError(response, kimiMockError(500, `mock failure: ${(error as Error).message}`, 'server_error'))
    })
  })
  const listener = await listenOnLoopback(server)
  return {
    url: `${listener.origin}/v1`,
    anthropicUrl: `${listener.origin}/anthropic`,
    requests,
    close: listener.close,
  }
}
