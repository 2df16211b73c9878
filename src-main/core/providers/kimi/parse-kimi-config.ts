import { z } from 'zod'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'
import { parseProviderFields } from '../parse-provider-fields'
import { kimiAnthropicBaseUrl, kimiChatBaseUrl, type KimiRegion } from './kimi-base-url'

/** The fields a `kimi` entry adds to the common ones. */
export const kimiFieldsSchema = z
  .object({
    region: z.enum(['intl', 'cn']).optional(),
    /** Forward Anthropic Messages clients as they are to the Anthropic-compatible endpoint (default true). */
    anthropicEndpoint: z.boolean().optional(),
    /** That endpoint's root, when it is not next to `baseUrl` (`…/v1` → `…/anthropic`). */
    anthropicBaseUrl: z.url().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict()

export interface KimiProviderConfig {
  instanceId: string
  region: KimiRegion
  /** The Chat Completions root, including `/v1`, no trailing slash. */
  baseUrl: string
  /** Set when Anthropic clients are forwarded to the Anthropic-compatible endpoint. */
  anthropicBaseUrl?: string
  apiKey?: string
  headers: Record<string, string>
}

/**
 * A config-file entry → the provider's config. `region` defaults to `intl` (api.moonshot.ai), which is
 * where platform.moonshot.ai and platform.kimi.ai keys work; `baseUrl` overrides it. An unknown field, a
 * missing key, or an Anthropic endpoint that cannot be placed stops start-up with a message naming it.
 */
export function parseKimiConfig(config: ProviderConfig): KimiProviderConfig {
  const fail = (message: string): never => {
    throw new StartupError(`Provider "${config.id}" (kimi): ${message}`)
  }
  const fields = parseProviderFields(config, kimiFieldsSchema, 'kimi')
  const headers = fields.headers ?? {}
  if (!config.apiKey && !Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) fail('apiKey: required (a Moonshot API key, sent as Authorization: Bearer)')
  const region = fields.region ?? 'intl'
  const baseUrl = (config.baseUrl ?? kimiChatBaseUrl(region)).replace(/\/+$/, '')
  const anthropicEndpoint = fields.anthropicEndpoint ?? true
  const anthropicBaseUrl = anthropicEndpoint ? (fields.anthropicBaseUrl?.replace(/\/+$/, '') ?? kimiAnthropicBaseUrl(baseUrl)) : undefined
  if (anthropicEndpoint && !anthropicBaseUrl) fail('anthropicBaseUrl: required when baseUrl does not end in /v1 (or set anthropicEndpoint: false)')
  return {
    instanceId: config.id,
    region,
    baseUrl,
    ...(anthropicBaseUrl ? { anthropicBaseUrl } : {}),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    headers,
  }
}
