import type { z } from 'zod'
import { providerConfigSchema, type ProviderConfig } from '../config/gateway-config-schema'
import { StartupError } from '../errors/startup-error'

const commonFields = new Set(Object.keys(providerConfigSchema.shape))

/**
 * The fields a provider type adds to the common ones (`id`, `baseUrl`, `apiKey` …), checked by the type's
 * schema. The first problem stops start-up with a message naming the entry, the type and the field:
 * `Provider "g2" (gemini): apiVersion: Unrecognized key: "apiVersion"`.
 */
export function parseProviderFields<Schema extends z.ZodType>(config: ProviderConfig, schema: Schema, typeLabel: string): z.output<Schema> {
  const own = Object.fromEntries(Object.entries(config).filter(([name]) => !commonFields.has(name)))
  const parsed = schema.safeParse(own)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const keys = 'keys' in issue ? (issue.keys as string[]).join(', ') : ''
  const where = [...issue.path, keys].filter((part) => part !== '').join('.')
  throw new StartupError(`Provider "${config.id}" (${typeLabel}): ${where ? `${where}: ` : ''}${issue.message}`)
}
