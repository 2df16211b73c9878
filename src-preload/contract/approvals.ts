import { z } from 'zod'
import { defineContract } from './define-contract'

/** A request held by manual approval (`--manual`), as the operator sees it. */
export const pendingApprovalSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  /** When it is denied if nobody decides. */
  expiresAt: z.string(),
  clientIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  model: z.string().nullable(),
  /** Characters / 4 of the body: a size hint, not a count. */
  estimatedTokens: z.number().nullable(),
})
export type PendingApprovalView = z.infer<typeof pendingApprovalSchema>

export const approvalsStateSchema = z.object({
  /** False when the gateway was started without manual approval; `pending` is then always empty. */
  enabled: z.boolean(),
  timeoutSeconds: z.number(),
  pending: z.array(pendingApprovalSchema),
})

export const approvalsList = defineContract({
  channel: 'approvals:list',
  input: z.object({}).strict().default({}),
  output: approvalsStateSchema,
})

/**
 * Decides one pending request. `always-allow` approves it and lets the same client (IP + User-Agent) through
 * for `minutes` without asking. An id that is no longer waiting fails with `unknown_approval`.
 */
export const approvalsDecide = defineContract({
  channel: 'approvals:decide',
  input: z.discriminatedUnion('decision', [
    z.object({ id: z.string().min(1), decision: z.literal('approve') }).strict(),
    z.object({ id: z.string().min(1), decision: z.literal('deny') }).strict(),
    z.object({ id: z.string().min(1), decision: z.literal('always-allow'), minutes: z.number().positive().max(24 * 60).default(10) }).strict(),
  ]),
  output: approvalsStateSchema,
})
