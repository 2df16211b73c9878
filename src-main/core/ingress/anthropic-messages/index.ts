export { anthropicMessagesRoutes } from './anthropic-messages-routes'
export {
  anthropicMessageSchema,
  anthropicMessagesRequestSchema,
  anthropicRequestFieldsSchema,
  type AnthropicMessage,
  type AnthropicMessagesRequest,
  type AnthropicRequestFields,
} from './anthropic-messages-request-schema'
export { createAnthropicMessagesStreamSerializer, type AnthropicStreamSerializerContext } from './create-anthropic-messages-stream-serializer'
export { createAnthropicMessagesSurface } from './create-anthropic-messages-surface'
export { decodeForeignReasoningSignature, encodeForeignReasoningSignature, isForeignReasoningSignature, type ForeignReasoning } from './foreign-reasoning-signature'
export { handleAnthropicCountTokens, tokenEstimateHeader } from './handle-anthropic-count-tokens'
export { parseAnthropicCountTokensRequest } from './parse-anthropic-count-tokens-request'
export { parseAnthropicMessagesRequest } from './parse-anthropic-messages-request'
export { serializeAnthropicMessagesResponse, type AnthropicMessagesResponse, type AnthropicResponseContentBlock } from './serialize-anthropic-messages-response'
export { toAnthropicErrorBody, type AnthropicErrorBody } from './to-anthropic-error-body'
export { anthropicStopReasons, toAnthropicStopReason, type AnthropicStopReason } from './to-anthropic-stop-reason'
export { toAnthropicUsage, type AnthropicUsage } from './to-anthropic-usage'
