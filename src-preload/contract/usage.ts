import { z } from 'zod'
import { defineContract } from './define-contract'

/** An instance's usage and quota report, as its upstream sends it (Copilot's quota snapshot). `usage_unsupported` when it has none. */
export const providersUsage = defineContract({
  channel: 'providers:usage',
  input: z.object({ id: z.string().min(1) }).strict(),
  output: z.record(z.string(), z.unknown()),
})
