import { z } from 'zod'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'
import { parseProviderFields } from '../parse-provider-fields'
import { dashScopeBaseUrl, type DashScopePlan, type DashScopeRegion } from './dashscope-base-url'

/** The fields a `dashscope` entry adds to the common ones. */
export const dashScopeFieldsSchema = z
  .object({
    region: z.enum(['intl', 'cn']).optional(),
    plan: z.enum(['standard', 'coding']).optional(),
    /** Extra headers on every request (`X-DashScope-DataInspection`, a workspace header, …). */
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict()

export interface DashScopeProviderConfig {
  instanceId: string
  region: DashScopeRegion
  plan: DashScopePlan
  /** The OpenAI-compatible root the adapter appends `/chat/completions` to, no trailing slash. */
  baseUrl: string
  apiKey?: string
  headers: Record<string, string>
}

/**
 * A config-file entry → the provider's config. `region` (default intl) and `plan` (default standard)
 * pick the official host; `baseUrl` (the root including `/compatible-mode/v1` or `/v1`) overrides it. An
 * unknown field or a missing key stops start-up with a message naming it.
 */
export function parseDashScopeConfig(config: ProviderConfig): DashScopeProviderConfig {
  const fail = (message: string): never => {
    throw new StartupError(`Provider "${config.id}" (dashscope): ${message}`)
  }
  const fields = parseProviderFields(config, dashScopeFieldsSchema, 'dashscope')
  const headers = fields.headers ?? {}
  const headerAuth = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')
  if (!config.apiKey && !headerAuth) fail('apiKey: required (a Model Studio API key, sent as Authorization: Bearer)')
  const region = fields.region ?? 'intl'
  const plan = fields.plan ?? 'standard'
  return {
    instanceId: config.id,
    region,
    plan,
    baseUrl: (config.baseUrl ?? dashScopeBaseUrl(plan, region)).replace(/\/+$/, ''),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    headers,
  }
}
