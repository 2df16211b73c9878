import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { isJsonObject, type JsonObject } from './anthropic-mock-checks'
import { AnthropicMockError, anthropicMockMarkerError } from './anthropic-mock-error'
import { sendMockJson } from './anthropic-mock-http'
import { planMockReply, type MockReplyPlan } from './anthropic-mock-reply-plan'
import { signMockThinking } from './anthropic-mock-signature'
import { mockMessage, mockStreamFrames } from './anthropic-mock-stream-frames'
import { validateMockRequest } from './anthropic-mock-validate-request'
import { createAnthropicMockValidationContext } from './anthropic-mock-validation-context'
import { writeMockStream } from './anthropic-mock-write-stream'
import { findKimiMockModel } from './kimi-mock-models'

/**
 * POST /anthropic/v1/messages: Kimi's Anthropic-compatible endpoint, checked with the Anthropic mock's
 * validators (the endpoint mirrors the Messages API) and answered by the shared markers, with Kimi's
 * differences: a Kimi model name, `Authorization: Bearer` (ANTHROPIC_AUTH_TOKEN), no required
 * `anthropic-version`, thinking signatures not verified (Kimi cannot check the ones Anthropic issued, so
 * replayed blocks are re-signed before validation), and automatic prefix caching: cache reads, no writes.
 */
export async function answerKimiAnthropicMessages(response: ServerResponse, headers: Record<string, string>, body: unknown, apiKey: string | undefined): Promise<void> {
  if (apiKey !== undefined && headers.authorization !== `Bearer ${apiKey}`) throw new AnthropicMockError(401, 'authentication_error', 'Invalid Authentication')
  if (!isJsonObject(body)) throw new AnthropicMockError(400, 'invalid_request_error', 'There was an error parsing the body: it is not valid JSON')
  if (typeof body.model === 'string' && !findKimiMockModel(body.model)) throw new AnthropicMockError(404, 'not_found_error', `Not found the model ${body.model} or Permission denied`)
  validateMockRequest(resignThinking(body), 'messages', createAnthropicMockValidationContext(headers))
  const plan = withoutCacheWrites(planMockReply(body))
  if (plan.errorStatus) throw anthropicMockMarkerError(plan.errorStatus)
  const id = `msg_${randomBytes(12).toString('hex')}`
  const model = body.model as string
  if (body.stream === true) return writeMockStream(response, mockStreamFrames(plan, id, model), { splitUnicode: plan.splitUnicode, ...(plan.slow ? { pauseMs: 40 } : {}) })
  sendMockJson(response, 200, mockMessage(plan, id, model, true))
}

function resignThinking(body: JsonObject): JsonObject {
  const messages = Array.isArray(body.messages) ? body.messages : []
  const resigned = messages.map((message) => {
    if (!isJsonObject(message) || !Array.isArray(message.content)) return message
    const content = message.content.map((block) => (isJsonObject(block) && block.type === 'thinking' && typeof block.thinking === 'string' ? { ...block, signature: signMockThinking(block.thinking) } : block))
    return { ...message, content }
  })
  return { ...body, messages: resigned }
}

function withoutCacheWrites(plan: MockReplyPlan): MockReplyPlan {
  return { ...plan, usage: { ...plan.usage, cache_creation_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 } } }
}
