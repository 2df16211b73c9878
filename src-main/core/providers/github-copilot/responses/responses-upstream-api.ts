import { z } from 'zod'

/** The Responses API answer and stream events, as far as we read them (lenient about everything else). */

const outputContentSchema = z.object({ type: z.string(), text: z.string().nullish(), refusal: z.string().nullish() }).loose()

export const responsesOutputItemSchema = z
  .object({
    type: z.string(),
    id: z.string().nullish(),
    role: z.string().nullish(),
    content: z.array(outputContentSchema).nullish(),
    call_id: z.string().nullish(),
    name: z.string().nullish(),
    arguments: z.string().nullish(),
    input: z.string().nullish(),
    summary: z.array(z.object({ type: z.string(), text: z.string() }).loose()).nullish(),
    encrypted_content: z.string().nullish(),
  })
  .loose()
export type ResponsesOutputItem = z.infer<typeof responsesOutputItemSchema>

export const responsesUsageSchema = z
  .object({
    input_tokens: z.number().nullish(),
    output_tokens: z.number().nullish(),
    input_tokens_details: z.object({ cached_tokens: z.number().nullish() }).loose().nullish(),
    output_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).loose().nullish(),
  })
  .loose()

export const responsesResponseSchema = z
  .object({
    id: z.string().nullish(),
    model: z.string().nullish(),
    status: z.string().nullish(),
    incomplete_details: z.object({ reason: z.string().nullish() }).loose().nullish(),
    output: z.array(responsesOutputItemSchema).default([]),
    usage: responsesUsageSchema.nullish(),
    error: z.object({ message: z.string().nullish(), code: z.string().nullish() }).loose().nullish(),
  })
  .loose()
export type ResponsesResponse = z.infer<typeof responsesResponseSchema>

export const responsesStreamEventSchema = z
  .object({
    type: z.string(),
    response: responsesResponseSchema.nullish(),
    item: responsesOutputItemSchema.nullish(),
    item_id: z.string().nullish(),
    output_index: z.number().nullish(),
    content_index: z.number().nullish(),
    summary_index: z.number().nullish(),
    delta: z.string().nullish(),
    message: z.string().nullish(),
    code: z.string().nullish(),
  })
  .loose()
export type ResponsesStreamEvent = z.infer<typeof responsesStreamEventSchema>
