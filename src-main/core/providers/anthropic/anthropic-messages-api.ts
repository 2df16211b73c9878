import { z } from 'zod'

/**
 * Zod schemas for what the Messages API sends back: minimal and lenient (`nullish` everywhere), so a
 * new field or a proxy that omits one does not break parsing. Only the fields the adapters read.
 */

export const anthropicUsageSchema = z.object({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  cache_creation: z.object({ ephemeral_5m_input_tokens: z.number().nullish(), ephemeral_1h_input_tokens: z.number().nullish() }).nullish(),
  output_tokens_details: z.object({ thinking_tokens: z.number().nullish() }).nullish(),
})
export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>

/** One content block of a response (also the `content_block` of content_block_start). */
export const anthropicContentBlockSchema = z.object({
  type: z.string(),
  text: z.string().nullish(),
  thinking: z.string().nullish(),
  signature: z.string().nullish(),
  data: z.string().nullish(),
  id: z.string().nullish(),
  name: z.string().nullish(),
  input: z.unknown().optional(),
  citations: z.array(z.unknown()).nullish(),
})
export type AnthropicContentBlock = z.infer<typeof anthropicContentBlockSchema>

export const anthropicMessageResponseSchema = z.object({
  id: z.string().nullish(),
  model: z.string().nullish(),
  content: z.array(anthropicContentBlockSchema),
  stop_reason: z.string().nullish(),
  stop_sequence: z.string().nullish(),
  usage: anthropicUsageSchema.nullish(),
})
export type AnthropicMessageResponse = z.infer<typeof anthropicMessageResponseSchema>

export const anthropicErrorObjectSchema = z.object({ type: z.string().nullish(), message: z.string().nullish() })
export type AnthropicErrorObject = z.infer<typeof anthropicErrorObjectSchema>

export const anthropicErrorBodySchema = z.object({ error: anthropicErrorObjectSchema })

const knownStreamEvents = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message_start'), message: z.object({ id: z.string().nullish(), model: z.string().nullish(), usage: anthropicUsageSchema.nullish() }) }),
  z.object({ type: z.literal('content_block_start'), index: z.number(), content_block: anthropicContentBlockSchema }),
  z.object({
    type: z.literal('content_block_delta'),
    index: z.number(),
    delta: z.object({
      type: z.string(),
      text: z.string().nullish(),
      thinking: z.string().nullish(),
      signature: z.string().nullish(),
      partial_json: z.string().nullish(),
    }),
  }),
  z.object({ type: z.literal('content_block_stop'), index: z.number() }),
  z.object({
    type: z.literal('message_delta'),
    delta: z.object({ stop_reason: z.string().nullish(), stop_sequence: z.string().nullish() }).nullish(),
    usage: anthropicUsageSchema.nullish(),
  }),
  z.object({ type: z.literal('message_stop') }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('error'), error: anthropicErrorObjectSchema }),
])

const knownEventTypes = new Set<string>(knownStreamEvents.options.map((option) => option.shape.type.value))

/** An event type this adapter does not know yet (the API may add some); ignored, never an error. */
const unknownStreamEvent = z
  .object({ type: z.string().refine((type) => !knownEventTypes.has(type)) })
  .transform((event) => ({ type: 'unknown' as const, eventType: event.type }))

export const anthropicStreamEventSchema = z.union([knownStreamEvents, unknownStreamEvent])
export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>

export const anthropicModelListSchema = z.object({
  data: z.array(z.object({ id: z.string(), created_at: z.string().nullish(), max_input_tokens: z.number().nullish() })),
  has_more: z.boolean().nullish(),
  last_id: z.string().nullish(),
})

export const anthropicTokenCountSchema = z.object({ input_tokens: z.number() })
