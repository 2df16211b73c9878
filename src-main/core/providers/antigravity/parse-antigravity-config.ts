import { z } from 'zod'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'
import { parseProviderFields } from '../parse-provider-fields'

export const defaultGoogleAuthUrl = 'https://accounts.google.com/o/oauth2/v2/auth'
export const defaultGoogleTokenUrl = 'https://oauth2.googleapis.com/token'
/** The Cloud Code assistant host (Gemini Code Assist / Antigravity); the adapter appends `/v1internal:…`. */
export const defaultCloudCodeBaseUrl = 'https://cloudcode-pa.googleapis.com'

/** The fields an `antigravity` entry adds to the common ones. */
export const antigravityFieldsSchema = z
  .object({
    /** The user's own OAuth client (type "Desktop app") from the Google Cloud console. */
    clientId: z.string().trim().min(1, 'must not be empty'),
    /** The client's secret; a desktop client's secret is not confidential, but it is kept like one. */
    clientSecret: z.string().trim().min(1, 'must not be empty'),
    authUrl: z.url().optional(),
    tokenUrl: z.url().optional(),
    /** A Google Cloud project with Gemini Code Assist; unset: the one loadCodeAssist finds (or onboards). */
    project: z.string().trim().min(1, 'must not be empty').optional(),
  })
  .strict()

export interface AntigravityProviderConfig {
  instanceId: string
  clientId: string
  clientSecret: string
  authUrl: string
  tokenUrl: string
  /** Without the API version: the adapter appends `/v1internal:…`. */
  baseUrl: string
  project?: string
}

/**
 * Reads an `antigravity` entry. The credential is an OAuth token obtained by `omnillm auth antigravity`
 * and kept in the secret store, never an `apiKey`: one is refused so nobody believes it is used.
 */
export function parseAntigravityConfig(config: ProviderConfig): AntigravityProviderConfig {
  const missing = ['clientId', 'clientSecret'].filter((name) => config[name] === undefined)
  if (missing.length > 0) {
    throw new StartupError(`Provider "${config.id}" (antigravity): ${missing.join(', ')}: required (your own Google OAuth client of type "Desktop app"; see README "Antigravity")`)
  }
  if (config.apiKey !== undefined) {
    throw new StartupError(`Provider "${config.id}" (antigravity): apiKey: not used; this type signs in with Google OAuth (run \`omnillm auth antigravity\`)`)
  }
  const fields = parseProviderFields(config, antigravityFieldsSchema, 'antigravity')
  return {
    instanceId: config.id,
    clientId: fields.clientId,
    clientSecret: fields.clientSecret,
    authUrl: fields.authUrl ?? defaultGoogleAuthUrl,
    tokenUrl: fields.tokenUrl ?? defaultGoogleTokenUrl,
    baseUrl: (config.baseUrl ?? defaultCloudCodeBaseUrl).replace(/\/+$/, ''),
    ...(fields.project ? { project: fields.project } : {}),
  }
}
