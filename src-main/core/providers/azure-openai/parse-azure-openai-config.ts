import { z } from 'zod'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'
import { parseProviderFields } from '../parse-provider-fields'

/**
 * The latest dated GA api-version of the inference API (Azure's REST reference lists 2024-10-21 as the
 * latest GA; it has `max_completion_tokens`, `parallel_tool_calls`, `stream_options` and structured
 * outputs). Reasoning models on the deployments surface need a `…-preview` version (2024-12-01-preview or
 * later) or the `v1` surface.
 */
export const defaultAzureApiVersion = '2024-10-21'

/** `deployments`: `{endpoint}/openai/deployments/{deployment}/…?api-version=…`; `v1`: `{endpoint}/openai/v1/…`, deployment in `model`. */
export type AzureOpenAiSurface = 'deployments' | 'v1'

/** The fields an `azure-openai` entry adds to the common ones. */
export const azureOpenAiFieldsSchema = z
  .object({
    /** Model name → deployment name; a model without an entry is sent as its own deployment name. */
    deployments: z.record(z.string().min(1), z.string().min(1)).optional(),
    apiVersion: z.string().min(1).optional(),
    surface: z.enum(['deployments', 'v1']).optional(),
    /** Extra headers on every request (an APIM subscription key, …). */
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict()

export interface AzureOpenAiProviderConfig {
  instanceId: string
  /** The resource endpoint without a path (`https://NAME.openai.azure.com`), no trailing slash. */
  endpoint: string
  /** Sent as the `api-key` header. */
  apiKey?: string
  deployments: Record<string, string>
  /** The configured `models`, listed next to the deployment map's. */
  models: string[]
  surface: AzureOpenAiSurface
  /** Deployments surface: always set (default {@link defaultAzureApiVersion}); v1: only when configured (`preview`). */
  apiVersion?: string
  headers: Record<string, string>
}

/**
 * A config-file entry → the provider's config. An unknown field, a missing `baseUrl` or a missing key
 * stops start-up with a message naming the entry, so a typo never falls back to a default silently.
 */
export function parseAzureOpenAiConfig(config: ProviderConfig): AzureOpenAiProviderConfig {
  const fail = (message: string): never => {
    throw new StartupError(`Provider "${config.id}" (azure-openai): ${message}`)
  }
  const fields = parseProviderFields(config, azureOpenAiFieldsSchema, 'azure-openai')
  if (!config.baseUrl) fail('baseUrl: the resource endpoint is required (https://NAME.openai.azure.com)')
  const headers = fields.headers ?? {}
  const headerAuth = Object.keys(headers).some((name) => ['api-key', 'authorization'].includes(name.toLowerCase()))
  if (!config.apiKey && !headerAuth) fail('apiKey: required (sent as the api-key header), or put the credential in headers')
  const surface = fields.surface ?? 'deployments'
  const apiVersion = fields.apiVersion ?? (surface === 'deployments' ? defaultAzureApiVersion : undefined)
  return {
    instanceId: config.id,
    endpoint: normaliseAzureEndpoint(config.baseUrl!),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    deployments: fields.deployments ?? {},
    models: config.models ?? [],
    surface,
    ...(apiVersion ? { apiVersion } : {}),
    headers,
  }
}

/** `https://x.openai.azure.com/`, `…/openai` and `…/openai/v1` all mean the resource endpoint `https://x.openai.azure.com`. */
export function normaliseAzureEndpoint(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/openai(\/v1)?$/, '')
}
