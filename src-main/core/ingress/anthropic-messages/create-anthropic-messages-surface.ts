import type { CifRequest } from '../../cif'
import type { GenerationSurface } from '../../http/handle-generation'
import { estimateInputTokens } from '../../tokens/estimate-input-tokens'
import { createAnthropicMessagesStreamSerializer } from './create-anthropic-messages-stream-serializer'
import { parseAnthropicMessagesRequest } from './parse-anthropic-messages-request'
import { serializeAnthropicMessagesResponse } from './serialize-anthropic-messages-response'

/**
 * POST /v1/messages as a generation surface. Made once per request: it keeps the parsed request so the
 * stream serializer can put the gateway's own token estimate into message_start (counted only when the
 * answer streams through the CIF, never for passthrough).
 */
export function createAnthropicMessagesSurface(): GenerationSurface {
  let parsedRequest: CifRequest | undefined
  return {
    dialect: 'anthropic-messages',
    passthroughOperation: 'anthropic-messages',
    parse(body, headers) {
      const parsed = parseAnthropicMessagesRequest(body, headers)
      parsedRequest = parsed.request
      return parsed
    },
    // Thinking that another upstream produced (signature '' or an omnillm envelope) would be rejected by
    // Anthropic as is; the translating path drops it with a warning instead.
    canPassThrough: ({ request }) => request.messages.every((message) => message.role !== 'assistant' || message.content.every((part) => part.type !== 'reasoning' || part.origin?.dialect === 'anthropic')),
    serializeResult: serializeAnthropicMessagesResponse,
    createStreamSerializer(context) {
      const estimatedInputTokens = parsedRequest ? estimateInputTokens(parsedRequest) : undefined
      return createAnthropicMessagesStreamSerializer(estimatedInputTokens === undefined ? context : { ...context, estimatedInputTokens })
    },
  }
}
