import { z } from 'zod'
import { defineContract } from './define-contract'

export const gatewayStatusSchema = z.object({
  version: z.string(),
  /** Base URL clients use, e.g. http://127.0.0.1:5000 */
  endpoint: z.string(),
  host: z.string(),
  port: z.number().int(),
  startedAt: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  /** Which SecretStore the host chose: keychain, encrypted-file or memory. */
  secretStore: z.enum(['keychain', 'encrypted-file', 'memory']),
  /** 'desktop' when hosted by the Electron shell, 'headless' when hosted by `omnillm start`. */
  mode: z.enum(['desktop', 'headless']),
})
export type GatewayStatus = z.infer<typeof gatewayStatusSchema>

export const gatewayGetStatus = defineContract({
  channel: 'gateway:get-status',
  input: z.object({}).strict().default({}),
  output: gatewayStatusSchema,
})
