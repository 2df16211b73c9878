import { kimiMockError, type KimiMockError } from './kimi-mock-error'
import { findKimiMockModel, kimiThinks, type KimiMockModel } from './kimi-mock-models'
import { validateKimiRules } from './kimi-mock-validate-rules'
import { isRecord } from './openai-chat-is-record'
import { validateOpenAiChatMessages } from './openai-chat-validate-messages'
import { validateOpenAiChatTools } from './openai-chat-validate-tools'

/** Message fields beyond OpenAI's that Moonshot takes: replayed reasoning, partial mode, a speaker name. */
const messageExtensions: ReadonlySet<string> = new Set(['reasoning_content', 'partial', 'name'])

export interface ValidatedKimiChatRequest {
  model: KimiMockModel
  stream: boolean
  thinks: boolean
}

/**
 * POST /v1/chat/completions as Moonshot checks it. Unknown top-level fields are ignored, as the live API
 * does (an unsupported field silently has no effect); the shapes, the model and the per-model rules are not.
 */
export function validateKimiChatRequest(body: unknown): ValidatedKimiChatRequest | KimiMockError {
  if (!isRecord(body)) return kimiMockError(400, 'Invalid request: the body is not a JSON object')
  if (typeof body.model !== 'string' || body.model === '') return kimiMockError(400, 'Invalid request: model is required')
  const model = findKimiMockModel(body.model)
  if (!model) return kimiMockError(404, `Not found the model ${body.model} or Permission denied`, 'resource_not_found_error')
  if (!Array.isArray(body.messages) || body.messages.length === 0) return kimiMockError(400, 'Invalid request: messages must be a non-empty array')
  const shape = validateOpenAiChatMessages(body.messages, messageExtensions) ?? validateOpenAiChatTools(body)
  if (shape) return kimiMockError(400, `Invalid request: ${shape.body.error.message}`)
  if (body.stream !== undefined && typeof body.stream !== 'boolean') return kimiMockError(400, 'Invalid request: stream must be a boolean')
  const thinkingProblem = validateThinkingField(body.thinking, model)
  if (thinkingProblem) return thinkingProblem
  const thinks = kimiThinks(model, body.thinking)
  const problem = validateKimiRules(body, model, thinks)
  return problem ?? { model, stream: body.stream === true, thinks }
}

function validateThinkingField(thinking: unknown, model: KimiMockModel): KimiMockError | undefined {
  if (thinking === undefined || model.thinking === 'none') return undefined
  if (!isRecord(thinking) || (thinking.type !== 'enabled' && thinking.type !== 'disabled')) return kimiMockError(400, 'Invalid request: thinking.type must be "enabled" or "disabled"')
  if (thinking.type === 'disabled' && model.thinking !== 'switch') return kimiMockError(400, 'invalid thinking: only type=enabled is allowed for this model')
  return undefined
}
