import { z } from 'zod'
import { defineContract } from './define-contract'

export const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])
export type LogLevelValue = z.infer<typeof logLevelSchema>

export const logLevelStateSchema = z.object({ level: logLevelSchema })

export const settingsGetLogLevel = defineContract({
  channel: 'settings:get-log-level',
  input: z.object({}).strict().default({}),
  output: logLevelStateSchema,
})

/** Takes effect at once and is saved, so the next start uses it unless a flag, env var or the config file says otherwise. */
export const settingsSetLogLevel = defineContract({
  channel: 'settings:set-log-level',
  input: z.object({ level: logLevelSchema }).strict(),
  output: logLevelStateSchema,
})
