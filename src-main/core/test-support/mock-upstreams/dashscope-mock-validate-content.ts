import { dashScopeInvalidParameter, type DashScopeMockError } from './dashscope-mock-error'
import type { DashScopeMockModel } from './dashscope-mock-models'
import { isRecord } from './openai-chat-is-record'

const maxCacheMarkers = 4

/**
 * What DashScope checks in content parts beyond the OpenAI shapes: images only for vision models, and
 * explicit-cache markers exactly `{"type": "ephemeral"}`, at most four per request (context-cache guide).
 */
export function validateDashScopeContent(messages: Array<Record<string, unknown>>, model: DashScopeMockModel): DashScopeMockError | undefined {
  let markers = 0
  for (const [index, message] of messages.entries()) {
    if (message.cache_control !== undefined) return dashScopeInvalidParameter(`messages[${index}].cache_control: the cache marker belongs on a content part`)
    if (!Array.isArray(message.content)) continue
    for (const part of message.content as unknown[]) {
      if (!isRecord(part)) continue
      if (part.type === 'image_url' && !model.vision) return dashScopeInvalidParameter(`The model ${model.id} does not support image input.`)
      if (part.cache_control === undefined) continue
      const marker = part.cache_control
      if (!isRecord(marker) || marker.type !== 'ephemeral' || Object.keys(marker).length !== 1) {
        return dashScopeInvalidParameter('cache_control only supports {"type": "ephemeral"}.')
      }
      if (++markers > maxCacheMarkers) return dashScopeInvalidParameter(`A request can carry at most ${maxCacheMarkers} cache_control markers.`)
    }
  }
  return undefined
}
