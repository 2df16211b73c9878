import type { OpenAiChatQuirks } from '../openai-compatible'
import type { AzureOpenAiProviderConfig } from './parse-azure-openai-config'

/**
 * How Azure's Chat Completions differ from the compatible defaults: `max_completion_tokens` (reasoning
 * deployments reject `max_tokens`), automatic prompt caching (usage reports `cached_tokens`), no `file`
 * content parts and no chat `custom` tools in the GA versions (custom tools go as functions taking
 * `{input}`), no `top_k`. Nothing is forced: temperature, token limits and tool_choice are sent only
 * when the request sets them.
 */
export const azureOpenAiChatQuirks: OpenAiChatQuirks = {
  maxTokensField: 'max_completion_tokens',
  systemMessageRole: 'system',
  cacheControl: 'automatic',
  documentInput: false,
  customTools: 'function',
  topK: false,
  streamUsage: true,
  upstreamStreaming: true,
}

/**
 * `max_completion_tokens` and `stream_options` arrived with 2024-09-01-preview (Azure's API lifecycle
 * page); an older dated api-version rejects them as unrecognized arguments, so it gets `max_tokens`
 * and no usage chunk. The v1 surface and newer versions take the defaults.
 */
export function resolveAzureOpenAiChatQuirks(config: Pick<AzureOpenAiProviderConfig, 'surface' | 'apiVersion'>): OpenAiChatQuirks {
  const dated = config.surface === 'deployments' && config.apiVersion !== undefined && /^\d{4}-\d{2}-\d{2}/.test(config.apiVersion)
  if (dated && config.apiVersion!.slice(0, 10) < '2024-09-01') return { ...azureOpenAiChatQuirks, maxTokensField: 'max_tokens', streamUsage: false }
  return azureOpenAiChatQuirks
}
