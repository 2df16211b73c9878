import { z } from 'zod'

export const openAiChatFunctionToolSchema = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    /** JSON Schema; omitted means "no parameters". */
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
})

const customToolFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('grammar'), grammar: z.looseObject({ definition: z.string(), syntax: z.enum(['lark', 'regex']) }) }),
])

/** A freeform-input tool: the model answers with raw text instead of JSON arguments. */
export const openAiChatCustomToolSchema = z.looseObject({
  type: z.literal('custom'),
  custom: z.looseObject({ name: z.string().min(1), description: z.string().optional(), format: customToolFormatSchema.optional() }),
})

export const openAiChatToolSchema = z.discriminatedUnion('type', [openAiChatFunctionToolSchema, openAiChatCustomToolSchema])

export const openAiChatToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string().min(1) }) }),
    z.looseObject({ type: z.literal('custom'), custom: z.looseObject({ name: z.string().min(1) }) }),
    z.looseObject({
      type: z.literal('allowed_tools'),
      allowed_tools: z.looseObject({ mode: z.enum(['auto', 'required']), tools: z.array(z.record(z.string(), z.unknown())) }),
    }),
  ]),
])

export type OpenAiChatTool = z.infer<typeof openAiChatToolSchema>
export type OpenAiChatToolChoice = z.infer<typeof openAiChatToolChoiceSchema>
