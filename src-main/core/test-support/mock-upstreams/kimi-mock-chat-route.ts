import type { ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { kimiErrorForStatus, sendKimiError } from './kimi-mock-error'
import { buildKimiChunks } from './kimi-mock-chunks'
import { buildKimiCompletion } from './kimi-mock-completion'
import { planKimiReply } from './kimi-mock-reply'
import { validateKimiChatRequest } from './kimi-mock-validate-chat'
import { createOpenAiChatSseBody } from './openai-chat-sse-body'

/** POST /v1/chat/completions: validated as Moonshot does, answered by the shared markers (JSON or SSE). */
export function answerKimiChat(response: ServerResponse, body: unknown): void {
  const checked = validateKimiChatRequest(body)
  if ('status' in checked) return sendKimiError(response, checked)
  const request = body as { model: string; messages: Array<Record<string, unknown>>; tools?: unknown; stream_options?: { include_usage?: boolean } }
  const plan = planKimiReply(request, checked.model, checked.thinks)
  if (plan.failure) return sendKimiError(response, kimiErrorForStatus(plan.failure.status))
  if (checked.stream && plan.streamFails) return sendKimiError(response, kimiErrorForStatus(500))
  if (!checked.stream) {
    if (plan.midstreamError) return sendKimiError(response, kimiErrorForStatus(500))
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    return void response.end(JSON.stringify(buildKimiCompletion(plan)))
  }
  const { chunks, done } = buildKimiChunks(plan, request.stream_options?.include_usage === true)
  const delayMs = plan.slow ? 25 : plan.splitCharacters ? 2 : 0
  const sse = createOpenAiChatSseBody(chunks.map((chunk) => JSON.stringify(chunk)), { done, splitCharacters: plan.splitCharacters, delayMs })
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  response.flushHeaders()
  Readable.fromWeb(sse as Parameters<typeof Readable.fromWeb>[0]).pipe(response)
}
