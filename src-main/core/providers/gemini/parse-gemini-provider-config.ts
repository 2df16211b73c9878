import { z } from 'zod'
import { providerConfigSchema, type ProviderConfig } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'
import type { GeminiSafetySetting } from './gemini-request-body'

export const defaultGeminiBaseUrl = 'https://generativelanguage.googleapis.com'

/** The fields a `gemini` entry adds to the common ones. */
const geminiFieldsSchema = z
  .object({
    /** Sent on every request as `safetySettings` (e.g. `{category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE"}`). */
    safetySettings: z.array(z.object({ category: z.string().min(1), threshold: z.string().min(1) }).strict()).optional(),
  })
  .strict()

const commonFields = new Set(Object.keys(providerConfigSchema.shape))

export interface GeminiProviderConfig {
  id: string
  /** Without the API version: the adapter appends `/v1beta/…`. */
  baseUrl: string
  /** Sent as `x-goog-api-key`. */
  apiKey?: string
  safetySettings?: GeminiSafetySetting[]
}

/** Reads a `gemini` provider entry; an unknown or bad own field stops start-up with a message naming it. */
export function parseGeminiProviderConfig(config: ProviderConfig): GeminiProviderConfig {
  const own = Object.fromEntries(Object.entries(config).filter(([name]) => !commonFields.has(name)))
  const parsed = geminiFieldsSchema.safeParse(own)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const keys = 'keys' in issue ? (issue.keys as string[]).join(', ') : ''
    const where = [...issue.path, keys].filter((part) => part !== '').join('.')
    throw new StartupError(`Provider "${config.id}" (gemini): ${where ? `${where}: ` : ''}${issue.message}`)
  }
  return {
    id: config.id,
    baseUrl: (config.baseUrl ?? defaultGeminiBaseUrl).replace(/\/+$/, ''),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    ...(parsed.data.safetySettings ? { safetySettings: parsed.data.safetySettings } : {}),
  }
}
