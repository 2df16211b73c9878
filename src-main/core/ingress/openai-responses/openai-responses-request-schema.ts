import { z } from 'zod'

/**
 * The top level of a `POST /v1/responses` body. `input` items, `tools` and `tool_choice` objects are only
 * checked for their outline here: each is validated by its own type's schema as it is converted, so a
 * problem is reported at its exact path (`input.3.content.1.type: …`) and unknown kinds can be told apart
 * from malformed known ones.
 */
export const reasoningEffortSchema = z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'])

const typedObjectSchema = z.looseObject({ type: z.string() })

const textFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string().nullish(),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().nullish(),
    strict: z.boolean().nullish(),
  }),
])

export const openAiResponsesRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.record(z.string(), z.unknown()))]).nullish(),
  instructions: z.string().nullish(),
  stream: z.boolean().nullish(),
  tools: z.array(typedObjectSchema).nullish(),
  tool_choice: z.union([z.enum(['auto', 'none', 'required']), typedObjectSchema]).nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  reasoning: z
    .looseObject({
      effort: reasoningEffortSchema.nullish(),
      summary: z.enum(['auto', 'concise', 'detailed']).nullish(),
      /** Deprecated spelling of `summary`. */
      generate_summary: z.enum(['auto', 'concise', 'detailed']).nullish(),
    })
    .nullish(),
  text: z
    .looseObject({
      format: textFormatSchema.nullish(),
      verbosity: z.enum(['low', 'medium', 'high']).nullish(),
    })
    .nullish(),
  previous_response_id: z.string().min(1).nullish(),
  store: z.boolean().nullish(),
  include: z.array(z.string()).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  prompt_cache_key: z.string().nullish(),
  prompt_cache_retention: z.string().nullish(),
  truncation: z.enum(['auto', 'disabled']).nullish(),
  user: z.string().nullish(),
  safety_identifier: z.string().nullish(),
  service_tier: z.string().nullish(),
  client_metadata: z.record(z.string(), z.unknown()).nullish(),
  background: z.boolean().nullish(),
  conversation: z.unknown().optional(),
  prompt: z.unknown().optional(),
  stream_options: z.looseObject({ include_obfuscation: z.boolean().nullish() }).nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  max_tool_calls: z.number().int().positive().nullish(),
})

export type OpenAiResponsesRequest = z.infer<typeof openAiResponsesRequestSchema>

/** The body keys the schema above knows; any other key is passed on as a dialect extra, with a warning. */
export const knownRequestKeys: ReadonlySet<string> = new Set(Object.keys(openAiResponsesRequestSchema.shape))
