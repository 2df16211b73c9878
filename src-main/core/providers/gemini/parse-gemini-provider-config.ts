import { z } from 'zod'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { parseProviderFields } from '../parse-provider-fields'
import type { GeminiSafetySetting } from './gemini-request-body'

export const defaultGeminiBaseUrl = 'https://generativelanguage.googleapis.com'

/** The fields a `gemini` entry adds to the common ones. */
const geminiFieldsSchema = z
  .object({
    /** Sent on every request as `safetySettings` (e.g. `{category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE"}`). */
    safetySettings: z.array(z.object({ category: z.string().min(1), threshold: z.string().min(1) }).strict()).optional(),
  })
  .strict()

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
  const fields = parseProviderFields(config, geminiFieldsSchema, 'gemini')
  return {
    id: config.id,
    baseUrl: (config.baseUrl ?? defaultGeminiBaseUrl).replace(/\/+$/, ''),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    ...(fields.safetySettings ? { safetySettings: fields.safetySettings } : {}),
  }
}
