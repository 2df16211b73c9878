import { z } from 'zod'
import { defineContract } from './define-contract'

/** One model of one provider instance, as the Models page shows it. */
export const catalogueModelSchema = z.object({
  instanceId: z.string(),
  id: z.string(),
  /** False when the operator turned it off: not listed in /v1/models, not routed to. */
  enabled: z.boolean(),
  /** The upstream's version string, when it gives one. */
  version: z.string().nullable(),
  ownedBy: z.string().nullable(),
  contextWindow: z.number().nullable(),
})
export type CatalogueModel = z.infer<typeof catalogueModelSchema>

/** Every model of every enabled instance, in configuration order; `refresh` asks the instances again first. */
export const modelsList = defineContract({
  channel: 'models:list',
  input: z.object({ refresh: z.boolean().optional() }).strict().default({}),
  output: z.array(catalogueModelSchema),
})

/** Turns one model of one instance off or back on, at once and for the next start (kept in SQLite). */
export const modelsSetEnabled = defineContract({
  channel: 'models:set-enabled',
  input: z.object({ instanceId: z.string().min(1), model: z.string().min(1), enabled: z.boolean() }).strict(),
  output: z.array(catalogueModelSchema),
})
