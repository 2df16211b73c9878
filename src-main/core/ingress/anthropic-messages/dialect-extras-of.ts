import type { z } from 'zod'
import type { CifRequest } from '../../cif'
import { anthropicDialectOnlyFields } from './anthropic-messages-request-schema'

/**
 * The top-level fields the CIF has no slot for: the schema's dialect-only fields and any field the schema
 * does not name. A same-dialect upstream forwards them; other upstreams warn.
 */
export function dialectExtrasOf(body: Record<string, unknown>, schema: z.ZodObject): CifRequest['dialectExtras'] {
  const mapped = Object.keys(schema.shape).filter((field) => !anthropicDialectOnlyFields.includes(field))
  const fields = Object.fromEntries(Object.entries(body).filter(([field, value]) => !mapped.includes(field) && value !== undefined))
  return Object.keys(fields).length > 0 ? { dialect: 'anthropic-messages', fields } : undefined
}
