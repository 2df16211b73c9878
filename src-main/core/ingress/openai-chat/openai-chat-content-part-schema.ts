import { z } from 'zod'

/**
 * Content parts of POST /v1/chat/completions messages, as the official API defines them. Parts are loose
 * objects: a field we do not know is ignored rather than rejected.
 *
 * Two cache hints are accepted on parts: OpenAI's own `prompt_cache_breakpoint` and the Anthropic-style
 * `cache_control` that OpenRouter-style clients put on chat parts. Both become a CIF cache breakpoint.
 */
const cacheHints = {
  cache_control: z.looseObject({ type: z.literal('ephemeral'), ttl: z.enum(['5m', '1h']).optional() }).optional(),
  prompt_cache_breakpoint: z.looseObject({ mode: z.literal('explicit') }).optional(),
}

export const openAiChatTextPartSchema = z.looseObject({ type: z.literal('text'), text: z.string(), ...cacheHints })

export const openAiChatImagePartSchema = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: z.string().min(1), detail: z.string().optional() }),
  ...cacheHints,
})

export const openAiChatAudioPartSchema = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
  ...cacheHints,
})

export const openAiChatFilePartSchema = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({ file_id: z.string().min(1).optional(), file_data: z.string().min(1).optional(), filename: z.string().optional() }),
  ...cacheHints,
})

export const openAiChatRefusalPartSchema = z.looseObject({ type: z.literal('refusal'), refusal: z.string() })

export const openAiChatUserPartSchema = z.discriminatedUnion('type', [
  openAiChatTextPartSchema,
  openAiChatImagePartSchema,
  openAiChatAudioPartSchema,
  openAiChatFilePartSchema,
])

export const openAiChatAssistantPartSchema = z.discriminatedUnion('type', [openAiChatTextPartSchema, openAiChatRefusalPartSchema])

export type OpenAiChatTextPart = z.infer<typeof openAiChatTextPartSchema>
export type OpenAiChatImagePart = z.infer<typeof openAiChatImagePartSchema>
export type OpenAiChatFilePart = z.infer<typeof openAiChatFilePartSchema>
export type OpenAiChatUserPart = z.infer<typeof openAiChatUserPartSchema>
export type OpenAiChatAssistantPart = z.infer<typeof openAiChatAssistantPartSchema>
