import type { GenerationSurface } from '../../http/handle-generation'
import { createOpenAiChatStreamSerializer } from './create-openai-chat-stream-serializer'
import { parseOpenAiChatRequest } from './parse-openai-chat-request'
import { serializeOpenAiChatResponse } from './serialize-openai-chat-response'

/**
 * The chat surface for ONE request. It is made per request because the stream serializer needs the
 * client's `stream_options.include_usage`, which the CIF has no field for: `parse` remembers it here.
 */
export function createOpenAiChatSurface(): GenerationSurface {
  let includeUsage = false
  return {
    dialect: 'openai-chat',
    passthroughOperation: 'openai-chat',
    parse(body, headers) {
      const parsed = parseOpenAiChatRequest(body, headers)
      includeUsage = parsed.includeUsage
      return parsed
    },
    serializeResult: serializeOpenAiChatResponse,
    createStreamSerializer: (context) => createOpenAiChatStreamSerializer({ ...context, includeUsage }),
  }
}
