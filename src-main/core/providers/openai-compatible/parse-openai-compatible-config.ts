import { z } from 'zod'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { parseProviderFields } from '../parse-provider-fields'
import type { OpenAiCompatibleProviderConfig } from './openai-compatible-provider'

export const defaultOpenAiBaseUrl = 'https://api.openai.com/v1'

/** The fields an `openai-compatible` entry adds to the common ones (each overrides a default of resolveOpenAiChatQuirks). */
export const openAiCompatibleFieldsSchema = z
  .object({
    headers: z.record(z.string(), z.string()).optional(),
    maxTokensField: z.enum(['max_tokens', 'max_completion_tokens']).optional(),
    systemMessageRole: z.enum(['system', 'developer']).optional(),
    reasoningReplayField: z.enum(['reasoning_content', 'reasoning']).optional(),
    cacheControl: z.enum(['unsupported', 'automatic', 'openai-breakpoint', 'anthropic-inline']).optional(),
    documentInput: z.boolean().optional(),
    customTools: z.enum(['native', 'function']).optional(),
    topK: z.boolean().optional(),
    streamUsage: z.boolean().optional(),
    upstreamStreaming: z.boolean().optional(),
  })
  .strict()

/**
 * A config-file entry → the factory's config. `baseUrl` includes `/v1` (default api.openai.com);
 * an unknown field stops start-up with its name, so a typo never silently falls back to a default.
 */
export function parseOpenAiCompatibleConfig(config: ProviderConfig): OpenAiCompatibleProviderConfig {
  const { headers, ...quirks } = parseProviderFields(config, openAiCompatibleFieldsSchema, 'openai-compatible')
  return {
    instanceId: config.id,
    type: config.type,
    baseUrl: config.baseUrl ?? defaultOpenAiBaseUrl,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    ...(headers ? { headers } : {}),
    quirks,
  }
}
