import { kimiMockError, type KimiMockError } from './kimi-mock-error'
import type { KimiMockModel } from './kimi-mock-models'
import { isRecord } from './openai-chat-is-record'

/**
 * The per-model rules Moonshot enforces, with its messages: pinned sampling on kimi-* models (temperature 1
 * while thinking, 0.6 without; top_p 0.95; penalties 0; n 1), moonshot-v1's temperature range, forced tool
 * choice while thinking, reasoning that must come back with tool-call turns, images only for vision models.
 */
export function validateKimiRules(body: Record<string, unknown>, model: KimiMockModel, thinks: boolean): KimiMockError | undefined {
  return validateSampling(body, model, thinks) ?? validateToolChoice(body, model, thinks) ?? validateHistory(body.messages as Array<Record<string, unknown>>, model, thinks)
}

function validateSampling(body: Record<string, unknown>, model: KimiMockModel, thinks: boolean): KimiMockError | undefined {
  if (model.fixedSampling) {
    const pinned: Record<string, number> = { temperature: thinks ? 1 : 0.6, top_p: 0.95, presence_penalty: 0, frequency_penalty: 0, n: 1 }
    for (const [field, value] of Object.entries(pinned)) {
      if (body[field] !== undefined && body[field] !== null && body[field] !== value) return kimiMockError(400, `invalid ${field}: only ${value} is allowed for this model`)
    }
    return undefined
  }
  const temperature = body.temperature
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 1)) return kimiMockError(400, `Invalid request: temperature must be in [0, 1], got ${String(temperature)}`)
  if (typeof temperature === 'number' && temperature < 0.3 && typeof body.n === 'number' && body.n > 1) return kimiMockError(400, 'Invalid request: when temperature is close to 0, n can only be 1')
  return undefined
}

function validateToolChoice(body: Record<string, unknown>, model: KimiMockModel, thinks: boolean): KimiMockError | undefined {
  if (!thinks || !model.refusesForcedToolChoiceWhileThinking) return undefined
  if (body.tool_choice === 'required') return kimiMockError(400, "tool_choice 'required' is incompatible with thinking enabled")
  if (isRecord(body.tool_choice)) return kimiMockError(400, "tool_choice 'specified' is incompatible with thinking enabled")
  return undefined
}

function validateHistory(messages: Array<Record<string, unknown>>, model: KimiMockModel, thinks: boolean): KimiMockError | undefined {
  for (const [index, message] of messages.entries()) {
    if (thinks && message.role === 'assistant' && Array.isArray(message.tool_calls) && message.tool_calls.length > 0 && typeof message.reasoning_content !== 'string') {
      return kimiMockError(400, `thinking is enabled but reasoning_content is missing in assistant tool call message at index ${index}`)
    }
    if (model.vision || !Array.isArray(message.content)) continue
    if ((message.content as unknown[]).some((part) => isRecord(part) && part.type === 'image_url')) return kimiMockError(400, `Invalid request: model ${model.id} does not support image input`)
  }
  return undefined
}
