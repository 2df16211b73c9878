import { z } from 'zod'
import { defineContract } from './define-contract'

/** What a running sign-in shows the user (mirrors SignInProgress of the provider definitions). */
export const signInProgressSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('device-code'), verificationUri: z.string(), userCode: z.string(), expiresAt: z.string(), intervalSeconds: z.number() }),
  z.object({ step: z.literal('open-url'), url: z.string() }),
  z.object({ step: z.literal('waiting'), message: z.string() }),
])
export type SignInProgressDto = z.infer<typeof signInProgressSchema>

/** One sign-in flow: pending (with its latest progress), succeeded (with the account), failed, cancelled. Never a token. */
export const signInFlowStateSchema = z.object({
  flowId: z.string(),
  instanceId: z.string(),
  type: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed', 'cancelled']),
  startedAt: z.string(),
  progress: signInProgressSchema.optional(),
  account: z.string().optional(),
  message: z.string().optional(),
})
export type SignInFlowStateDto = z.infer<typeof signInFlowStateSchema>

/**
 * Starts the instance's interactive sign-in (GitHub device flow, browser redirect …) and answers at once
 * with the flow's state, holding the first progress (the code to show) when it came in time. Poll
 * `signIn:status` (or watch the admin event stream) for the rest. `sign_in_unsupported` for types without one.
 */
export const signInStart = defineContract({
  channel: 'signIn:start',
  input: z.object({ instanceId: z.string().min(1) }).strict(),
  output: signInFlowStateSchema,
})

export const signInStatus = defineContract({
  channel: 'signIn:status',
  input: z.object({ flowId: z.string().min(1) }).strict(),
  output: signInFlowStateSchema,
})

/** Stops a pending flow (it ends `cancelled`); a finished one is returned as it is. */
export const signInCancel = defineContract({
  channel: 'signIn:cancel',
  input: z.object({ flowId: z.string().min(1) }).strict(),
  output: signInFlowStateSchema,
})

/** The pending flows and the most recently finished ones. */
export const signInList = defineContract({
  channel: 'signIn:list',
  input: z.object({}).strict().default({}),
  output: z.array(signInFlowStateSchema),
})
