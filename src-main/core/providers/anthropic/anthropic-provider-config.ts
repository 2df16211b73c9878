import { z } from 'zod'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { parseProviderFields } from '../parse-provider-fields'

export const defaultAnthropicBaseUrl = 'https://api.anthropic.com'
export const defaultAnthropicVersion = '2023-06-01'

/** The fields an `anthropic` entry adds to the common provider config. */
export const anthropicFieldsSchema = z
  .object({
  /** The `anthropic-version` header. */
  anthropicVersion: z.string().min(1).optional(),
  /** Betas sent on every request, merged with the client's `anthropic-beta`. */
  betas: z.array(z.string().min(1)).optional(),
  /** `max_tokens` for requests that name no output limit (else the model's limit, else 8192). */
  defaultMaxTokens: z.number().int().positive().optional(),
  })
  .strict()

export interface AnthropicProviderConfig {
  id: string
  /** Without `/v1`, as ANTHROPIC_BASE_URL: the adapter appends `/v1/messages`. */
  baseUrl: string
  apiKey?: string
  anthropicVersion: string
  betas: string[]
  defaultMaxTokens?: number
}

/** Reads an `anthropic` provider entry; an unknown or bad own field stops start-up with a message naming it. */
export function parseAnthropicProviderConfig(config: ProviderConfig): AnthropicProviderConfig {
  const fields = parseProviderFields(config, anthropicFieldsSchema, 'anthropic')
  return {
    id: config.id,
    baseUrl: (config.baseUrl ?? defaultAnthropicBaseUrl).replace(/\/+$/, ''),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    anthropicVersion: fields.anthropicVersion ?? defaultAnthropicVersion,
    betas: fields.betas ?? [],
    ...(fields.defaultMaxTokens ? { defaultMaxTokens: fields.defaultMaxTokens } : {}),
  }
}
