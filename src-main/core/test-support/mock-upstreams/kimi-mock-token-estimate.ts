import type { ServerResponse } from 'node:http'
import { kimiMockError, sendKimiError } from './kimi-mock-error'
import { findKimiMockModel } from './kimi-mock-models'
import { isRecord } from './openai-chat-is-record'

/** POST /v1/tokenizers/estimate-token-count: `{model, messages}` → `{code: 0, data: {total_tokens}, scode, status}` (about 4 characters a token). */
export function answerKimiTokenEstimate(response: ServerResponse, body: unknown): void {
  if (!isRecord(body) || !Array.isArray(body.messages) || body.messages.length === 0) return sendKimiError(response, kimiMockError(400, 'Invalid request: messages must be a non-empty array'))
  if (typeof body.model !== 'string' || !findKimiMockModel(body.model)) return sendKimiError(response, kimiMockError(404, `Not found the model ${String(body.model)} or Permission denied`, 'resource_not_found_error'))
  const total = Math.max(1, Math.ceil(JSON.stringify([body.messages, body.tools ?? null]).length / 4))
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify({ code: 0, data: { total_tokens: total }, scode: '0x0', status: true }))
}
