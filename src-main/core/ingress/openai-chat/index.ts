export { createOpenAiChatStreamSerializer } from './create-openai-chat-stream-serializer'
export { createOpenAiChatSurface } from './create-openai-chat-surface'
export type {
  OpenAiChatCompletion,
  OpenAiChatCompletionChunk,
  OpenAiChatFinishReason,
  OpenAiChatResponseToolCall,
  OpenAiChatUsage,
} from './openai-chat-completion-types'
export { openAiChatRequestSchema, type OpenAiChatRequest } from './openai-chat-request-schema'
export { openAiChatRoutes } from './openai-chat-routes'
export { parseOpenAiChatRequest, type ParsedOpenAiChatRequest } from './parse-openai-chat-request'
export { serializeOpenAiChatResponse } from './serialize-openai-chat-response'
export { toOpenAiErrorBody, type OpenAiErrorBody } from './to-openai-error-body'
