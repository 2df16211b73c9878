import { z } from 'zod'
import { providerConfigSchema, type ProviderConfig } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'
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

const commonFields = new Set(Object.keys(providerConfigSchema.shape))

/**
 * A config-file entry → the factory's config. `baseUrl` includes `/v1` (default api.openai.com);
 * an unknown field stops start-up with its name, so a typo never silently falls back to a default.
 */
export function parseOpenAiCompatibleConfig(config: ProviderConfig): OpenAiCompatibleProviderConfig {
  const own = Object.fromEntries(Object.entries(config).filter(([name]) => !commonFields.has(name)))
  const parsed = openAiCompatibleFieldsSchema.safeParse(own)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const keys = 'keys' in issue ? (issue.keys as string[]).join(', ') : ''
    const where = [...issue.path, keys].filter((part) => part !== '').join('.')
    throw new StartupError(`Provider "${config.id}" (openai-compatible): ${where ? `${where}: ` : ''}${issue.message}`)
  }
  const { headers, ...quirks } = parsed.data
  return {
    instanceId: config.id,
    type: config.type,
    baseUrl: config.baseUrl ?? defaultOpenAiBaseUrl,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    ...(headers ? { headers } : {}),
    quirks,
  }
}
