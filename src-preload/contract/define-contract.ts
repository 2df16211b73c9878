import { z } from 'zod'

/**
 * One admin operation: a channel name (`domain:verb-noun`), a zod schema for its input and one for its
 * output. The same object drives the Electron IPC handler, the preload bridge, the HTTP transport under
 * /api/admin and the renderer client, so the four can never drift apart.
 */
export interface Contract<Channel extends string = string, Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  readonly channel: Channel
  readonly input: Input
  readonly output: Output
}

export function defineContract<const Channel extends string, Input extends z.ZodType, Output extends z.ZodType>(
  contract: Contract<Channel, Input, Output>,
): Contract<Channel, Input, Output> {
  return contract
}

export type ContractInput<C extends Contract> = z.input<C['input']>
export type ContractOutput<C extends Contract> = z.output<C['output']>

export const contractErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
})
export type ContractError = z.infer<typeof contractErrorSchema>

/** The envelope every transport returns: errors are data, never thrown across the boundary. */
export type ContractResult<T> = { ok: true; value: T } | { ok: false; error: ContractError }

export function contractResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: contractErrorSchema }),
  ])
}
