import type { ProviderDefinition } from '../provider-definition'
import { createOpenAiCompatibleProvider } from './openai-compatible-provider'
import { parseOpenAiCompatibleConfig } from './parse-openai-compatible-config'
import { openAiCompatibleSettings } from './openai-compatible-settings'

/** Chat Completions upstreams: OpenAI, Ollama, vLLM, LM Studio, llama.cpp, OpenRouter and the like. */
export const openAiCompatibleProviderDefinition: ProviderDefinition = {
  type: 'openai-compatible',
  label: 'OpenAI-compatible',
  create: (context) => createOpenAiCompatibleProvider(parseOpenAiCompatibleConfig(context.config), context),
  settings: openAiCompatibleSettings,
}

export { createOpenAiCompatibleProvider, type OpenAiCompatibleProviderConfig, type OpenAiEndpointPath } from './openai-compatible-provider'
export { resolveOpenAiChatQuirks, type OpenAiCacheControlMode, type OpenAiChatQuirks } from './openai-chat-quirks'
export type { OpenAiChatMessage, OpenAiChatRequestBody } from './openai-chat-request'
export { buildOpenAiChatRequestBody } from './build-openai-chat-request-body'
export { createOpenAiChatStreamTransform } from './openai-chat-stream-transform'
export { parseOpenAiCompatibleConfig } from './parse-openai-compatible-config'
