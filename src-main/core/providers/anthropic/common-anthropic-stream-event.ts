import type { AnthropicStreamEvent } from './anthropic-messages-api'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isNullishString = (value: unknown) => value == null || typeof value === 'string'
/** z.number() refuses ±Infinity, which JSON.parse makes of 1e400. */
const isIndex = (value: unknown) => typeof value === 'number' && Number.isFinite(value)

/**
 * The event itself when it is one of the everyday, per-token ones (content_block_delta, content_block_stop,
 * ping) and passes anthropicStreamEventSchema for certain; undefined otherwise, and then the schema
 * decides. The stream transform reads only the schema's fields of these events, so the unknown keys the
 * schema would strip do not matter (message_delta's usage is iterated, so it always goes to the schema).
 */
export function commonAnthropicStreamEvent(json: unknown): AnthropicStreamEvent | undefined {
  if (!isObject(json)) return undefined
  switch (json.type) {
    case 'content_block_delta': {
      const delta = json.delta
      if (!isIndex(json.index) || !isObject(delta) || typeof delta.type !== 'string') return undefined
      if (!isNullishString(delta.text) || !isNullishString(delta.thinking) || !isNullishString(delta.signature) || !isNullishString(delta.partial_json)) return undefined
      return json as AnthropicStreamEvent
    }
    case 'content_block_stop':
      return isIndex(json.index) ? (json as AnthropicStreamEvent) : undefined
    case 'ping':
      return json as AnthropicStreamEvent
    default:
      return undefined
  }
}
