import { z } from 'zod'

/**
 * What we read from Chat Completions upstreams: minimal and lenient (`.nullish()` everywhere, unknown
 * fields ignored), because compatible servers differ in what they fill in.
 */

const tokenCount = z.number().nullish()

export const openAiChatUsageSchema = z.object({
  prompt_tokens: tokenCount,
  completion_tokens: tokenCount,
  prompt_tokens_details: z.object({ cached_tokens: tokenCount }).nullish(),
  completion_tokens_details: z.object({ reasoning_tokens: tokenCount }).nullish(),
  /** DeepSeek's spelling of cached prompt tokens. */
  prompt_cache_hit_tokens: tokenCount,
  /** Moonshot/Kimi's spelling of cached prompt tokens. */
  cached_tokens: tokenCount,
})
export type OpenAiChatUsage = z.infer<typeof openAiChatUsageSchema>

/** `{"error": {...}}` or `{"error": "text"}` (both appear mid-stream and in 200 bodies of some servers). */
export const openAiErrorObjectSchema = z.union([
  z.object({
    message: z.string().nullish(),
    type: z.string().nullish(),
    param: z.unknown().nullish(),
    code: z.union([z.string(), z.number()]).nullish(),
  }),
  z.string(),
])
export type OpenAiErrorObject = z.infer<typeof openAiErrorObjectSchema>

/** Arguments are a JSON string on the wire; a few servers send the parsed object instead. */
const toolArgumentsSchema = z.union([z.string(), z.record(z.string(), z.unknown())]).nullish()

const textContentSchema = z.union([z.string(), z.array(z.object({ type: z.string().nullish(), text: z.string().nullish() }))]).nullish()

/** A tool call as completions carry it; stream deltas add their `index`. */
const toolCallSchema = z.object({
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.object({ name: z.string().nullish(), arguments: toolArgumentsSchema }).nullish(),
  custom: z.object({ name: z.string().nullish(), input: z.string().nullish() }).nullish(),
})

export const openAiChatCompletionSchema = z.object({
  id: z.string().nullish(),
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        index: z.number().nullish(),
        message: z.object({
          content: textContentSchema,
          refusal: z.string().nullish(),
          reasoning_content: z.string().nullish(),
          reasoning: z.string().nullish(),
          tool_calls: z
            .array(
              toolCallSchema,
            )
            .nullish(),
        }),
        finish_reason: z.string().nullish(),
        /** vLLM: the stop string (or token id) that ended generation. */
        stop_reason: z.union([z.string(), z.number()]).nullish(),
      }),
    )
    .nullish(),
  usage: openAiChatUsageSchema.nullish(),
  error: openAiErrorObjectSchema.nullish(),
})
export type OpenAiChatCompletion = z.infer<typeof openAiChatCompletionSchema>

export const openAiChatChunkSchema = z.object({
  id: z.string().nullish(),
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        index: z.number().nullish(),
        delta: z
          .object({
            content: z.string().nullish(),
            refusal: z.string().nullish(),
            reasoning_content: z.string().nullish(),
            reasoning: z.string().nullish(),
            tool_calls: z
              .array(
                toolCallSchema.extend({ index: z.number().nullish() }),
              )
              .nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
        stop_reason: z.union([z.string(), z.number()]).nullish(),
      }),
    )
    .nullish(),
  usage: openAiChatUsageSchema.nullish(),
  error: openAiErrorObjectSchema.nullish(),
})
export type OpenAiChatChunk = z.infer<typeof openAiChatChunkSchema>
export type OpenAiChatToolCallDelta = NonNullable<NonNullable<NonNullable<OpenAiChatChunk['choices']>[number]['delta']>['tool_calls']>[number]

export const openAiModelListSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      created: z.number().nullish(),
      owned_by: z.string().nullish(),
      /** OpenRouter, vLLM (`max_model_len`) and others say how long a context the model takes. */
      context_length: z.number().nullish(),
      context_window: z.number().nullish(),
      max_model_len: z.number().nullish(),
    }),
  ),
})

export const openAiEmbeddingsResponseSchema = z.object({
  model: z.string().nullish(),
  data: z.array(z.object({ index: z.number().nullish(), embedding: z.union([z.array(z.number()), z.string()]) })),
  usage: z.object({ prompt_tokens: tokenCount }).nullish(),
})
