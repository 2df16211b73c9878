import { z } from 'zod'

/** The tool kinds the gateway converts; every other `type` is a provider-hosted (built-in) tool. */
export const functionToolSchema = z.looseObject({
  type: z.literal('function'),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
})

export const customToolSchema = z.looseObject({
  type: z.literal('custom'),
  name: z.string().min(1),
  description: z.string().nullish(),
  format: z.unknown().optional(),
})

/** Codex groups tools this way (`multi_agent_v1`, the lite models' `functions`). */
export const namespaceToolSchema = z.looseObject({
  type: z.literal('namespace'),
  name: z.string().min(1),
  description: z.string().nullish(),
  tools: z.array(z.discriminatedUnion('type', [functionToolSchema, customToolSchema])),
})

export type FunctionTool = z.infer<typeof functionToolSchema>
export type CustomTool = z.infer<typeof customToolSchema>
