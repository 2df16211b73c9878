import { z } from 'zod'
import { defineContract } from './define-contract'

/** One configured provider instance as the UI and tray see it: never its apiKey or other secrets. */
export const providerSummarySchema = z.object({
  id: z.string(),
  type: z.string(),
  enabled: z.boolean(),
  /** The instance tried first for a bare model name. */
  active: z.boolean(),
  /** The type signs in interactively (`signIn:start`): GitHub Copilot's device flow, Antigravity's browser sign-in. */
  signIn: z.boolean(),
  /** The type reports usage and quota (`providers:usage`). */
  usage: z.boolean(),
})
export type ProviderSummary = z.infer<typeof providerSummarySchema>

/** The active instance's id; empty when no instance is enabled. */
export const activeProviderStateSchema = z.object({ id: z.string() })

/** Every configured instance, in configuration order (disabled ones included). */
export const providersList = defineContract({
  channel: 'providers:list',
  input: z.object({}).strict().default({}),
  output: z.array(providerSummarySchema),
})

export const providersGetActive = defineContract({
  channel: 'providers:get-active',
  input: z.object({}).strict().default({}),
  output: activeProviderStateSchema,
})

/**
 * Takes effect at once and is saved, so the next start uses it unless a flag, env var or the config file
 * says otherwise. An id that names no enabled instance fails with `unknown_provider`.
 */
export const providersSetActive = defineContract({
  channel: 'providers:set-active',
  input: z.object({ id: z.string().min(1) }).strict(),
  output: activeProviderStateSchema,
})
