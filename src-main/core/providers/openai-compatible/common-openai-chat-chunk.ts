import type { OpenAiChatChunk } from './openai-chat-api'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isNullishString = (value: unknown) => value == null || typeof value === 'string'
/** z.number() refuses ±Infinity, which JSON.parse makes of 1e400. */
const isNullishNumber = (value: unknown) => value == null || (typeof value === 'number' && Number.isFinite(value))

function isCommonToolCallDelta(call: unknown): boolean {
  if (!isObject(call)) return false
  if (!isNullishNumber(call.index) || !isNullishString(call.id) || !isNullishString(call.type)) return false
  const fn = call.function
  // Arguments as an object (a few servers) go through the schema.
  if (fn != null && (!isObject(fn) || !isNullishString(fn.name) || !isNullishString(fn.arguments))) return false
  const custom = call.custom
  return custom == null || (isObject(custom) && isNullishString(custom.name) && isNullishString(custom.input))
}

/**
 * The chunk itself when it has the everyday shape and passes openAiChatChunkSchema for certain (content,
 * reasoning, refusal and tool-call deltas, finish reasons; no usage, no error); undefined otherwise, and
 * then the schema decides. Only the schema's fields are checked: the stream transform reads nothing else,
 * so the unknown keys the schema would strip (`object`, `created`, `role`, `logprobs` …) do not matter.
 */
export function commonOpenAiChatChunk(json: unknown): OpenAiChatChunk | undefined {
  if (!isObject(json)) return undefined
  if (json.usage != null || json.error != null || !isNullishString(json.id) || !isNullishString(json.model)) return undefined
  const choices = json.choices
  if (choices != null) {
    if (!Array.isArray(choices)) return undefined
    for (const choice of choices) {
      if (!isObject(choice)) return undefined
      if (!isNullishNumber(choice.index) || !isNullishString(choice.finish_reason)) return undefined
      const stop = choice.stop_reason
      if (stop != null && typeof stop !== 'string' && !(typeof stop === 'number' && Number.isFinite(stop))) return undefined
      const delta = choice.delta
      if (delta == null) continue
      if (!isObject(delta)) return undefined
      if (!isNullishString(delta.content) || !isNullishString(delta.refusal) || !isNullishString(delta.reasoning_content) || !isNullishString(delta.reasoning)) return undefined
      const toolCalls = delta.tool_calls
      if (toolCalls != null && (!Array.isArray(toolCalls) || !toolCalls.every(isCommonToolCallDelta))) return undefined
    }
  }
  return json as OpenAiChatChunk
}
