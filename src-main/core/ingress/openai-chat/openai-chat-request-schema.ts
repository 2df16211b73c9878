import { z } from 'zod'
import { openAiChatMessageSchema } from './openai-chat-message-schema'
import { openAiChatToolChoiceSchema, openAiChatToolSchema } from './openai-chat-tool-schema'

const looseRecord = z.record(z.string(), z.unknown())

/**
 * The body of POST /v1/chat/completions: the official parameter set (openai 6.x). Most fields are
 * nullable because the SDK types allow `null` for "not set". Unknown top-level fields pass through
 * (they end up in the CIF's dialectExtras), so a newer client is never rejected for a field we lack.
 *
 * Fields the gateway only forwards (service_tier, logprobs, prediction, …) are checked for their type,
 * not their values: the upstream knows its own value set better than we do.
 */
export const openAiChatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(openAiChatMessageSchema).min(1),

  max_completion_tokens: z.number().int().positive().nullish(),
  /** Deprecated in favour of max_completion_tokens; used only when that is absent. */
  max_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  seed: z.number().int().nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  response_format: z
    .discriminatedUnion('type', [
      z.looseObject({ type: z.literal('text') }),
      z.looseObject({ type: z.literal('json_object') }),
      z.looseObject({
        type: z.literal('json_schema'),
        json_schema: z.looseObject({
          name: z.string().min(1),
          description: z.string().optional(),
          schema: looseRecord.optional(),
          strict: z.boolean().nullish(),
        }),
      }),
    ])
    .nullish(),
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']).nullish(),

  /** Streaming is decided by this field alone, never by the Accept header. */
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() }).nullish(),

  tools: z.array(openAiChatToolSchema).nullish(),
  tool_choice: openAiChatToolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),

  user: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  prompt_cache_key: z.string().nullish(),
  /** Only 1 is supported: the gateway answers with one choice. */
  n: z.number().int().positive().nullish(),

  // Deprecated function calling (rejected by the parser with a pointer to tools).
  functions: z.array(looseRecord).nullish(),
  function_call: z.union([z.enum(['none', 'auto']), looseRecord]).nullish(),

  // Forwarded as dialect extras: the CIF has no slot for them.
  audio: looseRecord.nullish(),
  logit_bias: z.record(z.string(), z.number()).nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).nullish(),
  modalities: z.array(z.string()).nullish(),
  moderation: looseRecord.nullish(),
  prediction: looseRecord.nullish(),
  prompt_cache_options: looseRecord.nullish(),
  prompt_cache_retention: z.string().nullish(),
  safety_identifier: z.string().nullish(),
  service_tier: z.string().nullish(),
  store: z.boolean().nullish(),
  verbosity: z.string().nullish(),
  web_search_options: looseRecord.nullish(),
})

export type OpenAiChatRequest = z.infer<typeof openAiChatRequestSchema>
