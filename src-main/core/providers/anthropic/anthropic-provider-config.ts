import { z } from 'zod'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'

export const defaultAnthropicBaseUrl = 'https://api.anthropic.com'
export const defaultAnthropicVersion = '2023-06-01'

/** The fields an `anthropic` entry adds to the common provider config. */
const anthropicFieldsSchema = z.object({
  /** The `anthropic-version` header. */
  anthropicVersion: z.string().min(1).optional(),
  /** Betas sent on every request, merged with the client's `anthropic-beta`. */
  betas: z.array(z.string().min(1)).optional(),
  /** `max_tokens` for requests that name no output limit (else the model's limit, else 8192). */
  defaultMaxTokens: z.number().int().positive().optional(),
})

export interface AnthropicProviderConfig {
  id: string
  /** Without `/v1`, as ANTHROPIC_BASE_URL: the adapter appends `/v1/messages`. */
  baseUrl: string
  apiKey?: string
  anthropicVersion: string
  betas: string[]
  defaultMaxTokens?: number
}

/** Reads an `anthropic` provider entry; a bad own field stops start-up with a message naming it. */
export function parseAnthropicProviderConfig(config: ProviderConfig): AnthropicProviderConfig {
  const parsed = anthropicFieldsSchema.safeParse(config)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new StartupError(`Provider "${config.id}": ${issue.path.join('.')}: ${issue.message}`)
  }
  return {
    id: config.id,
    baseUrl: (config.baseUrl ?? defaultAnthropicBaseUrl).replace(/\/+$/, ''),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    anthropicVersion: parsed.data.anthropicVersion ?? defaultAnthropicVersion,
    betas: parsed.data.betas ?? [],
    ...(parsed.data.defaultMaxTokens ? { defaultMaxTokens: parsed.data.defaultMaxTokens } : {}),
  }
}
