import { z } from 'zod'
import { anthropicCacheControlSchema } from './anthropic-cache-control-schema'
import { anthropicContentBlockSchema, anthropicTextBlockSchema } from './anthropic-content-block-schema'
import { anthropicToolChoiceSchema, anthropicToolSchema } from './anthropic-tool-schema'

const systemContentSchema = z.union([z.string(), z.array(anthropicTextBlockSchema)])

export const anthropicMessageSchema = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('user'), content: z.union([z.string(), z.array(anthropicContentBlockSchema)]) }),
  z.looseObject({ role: z.literal('assistant'), content: z.union([z.string(), z.array(anthropicContentBlockSchema)]) }),
  /** Not in the public API: Claude Code's mid-conversation system prompt (beta mid-conversation-system-2026-04-07). */
  z.looseObject({ role: z.literal('system'), content: systemContentSchema }),
])

export const anthropicThinkingSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('enabled'), budget_tokens: z.number().int().positive(), display: z.enum(['summarized', 'omitted']).nullish() }),
  z.looseObject({ type: z.literal('disabled') }),
  z.looseObject({ type: z.literal('adaptive'), display: z.enum(['summarized', 'omitted']).nullish() }),
  z.looseObject({ type: z.literal('between_tools') }),
])

export const anthropicOutputConfigSchema = z.looseObject({
  effort: z.enum(['low', 'medium', 'high', 'xhigh', 'max']).nullish(),
  format: z.looseObject({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) }).nullish(),
})

/**
 * The fields POST /v1/messages and /v1/messages/count_tokens share. The object is loose: a top-level
 * field not named here is no error; it travels on as a dialect extra (see to-cif-request.ts).
 */
export const anthropicRequestFieldsSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(anthropicMessageSchema).min(1),
  system: systemContentSchema.optional(),
  tools: z.array(anthropicToolSchema).optional(),
  tool_choice: anthropicToolChoiceSchema.optional(),
  thinking: anthropicThinkingSchema.optional(),
  output_config: anthropicOutputConfigSchema.optional(),
  /** Automatic caching: a breakpoint on the last cacheable block. */
  cache_control: anthropicCacheControlSchema,
  /** Only an Anthropic upstream understands these; they ride along as dialect extras. */
  context_management: z.looseObject({}).nullish(),
  service_tier: z.enum(['auto', 'standard_only']).optional(),
  container: z.union([z.string(), z.looseObject({})]).nullish(),
  mcp_servers: z.array(z.looseObject({ type: z.string(), url: z.string(), name: z.string() })).optional(),
})

/** Fields with no CIF slot: they reach the upstream only as dialect extras (an Anthropic upstream forwards them). */
export const anthropicDialectOnlyFields: readonly string[] = ['context_management', 'service_tier', 'container', 'mcp_servers']

/** POST /v1/messages. `max_tokens` is required, as in the real API. */
export const anthropicMessagesRequestSchema = anthropicRequestFieldsSchema.extend({
  max_tokens: z.number().int().nonnegative(),
  stop_sequences: z.array(z.string()).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().nonnegative().optional(),
  stream: z.boolean().optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
})

export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>
export type AnthropicRequestFields = z.infer<typeof anthropicRequestFieldsSchema>
export type AnthropicMessagesRequest = z.infer<typeof anthropicMessagesRequestSchema>
