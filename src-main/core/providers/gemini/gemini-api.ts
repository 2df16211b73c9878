import { z } from 'zod'

/**
 * Zod schemas for what the Gemini API sends back: minimal and lenient (`nullish` everywhere, unknown
 * fields ignored). proto3 JSON leaves out fields at their default (0, false, ""), so absent counts mean 0.
 */

const count = z.number().nullish()

export const geminiUsageSchema = z.object({
  promptTokenCount: count,
  candidatesTokenCount: count,
  cachedContentTokenCount: count,
  thoughtsTokenCount: count,
  toolUsePromptTokenCount: count,
  totalTokenCount: count,
})
export type GeminiUsage = z.infer<typeof geminiUsageSchema>

export const geminiResponsePartSchema = z.object({
  text: z.string().nullish(),
  thought: z.boolean().nullish(),
  thoughtSignature: z.string().nullish(),
  functionCall: z.object({ id: z.string().nullish(), name: z.string().nullish(), args: z.record(z.string(), z.unknown()).nullish() }).nullish(),
  inlineData: z.object({ mimeType: z.string().nullish() }).nullish(),
  fileData: z.object({ fileUri: z.string().nullish() }).nullish(),
  executableCode: z.unknown().optional(),
  codeExecutionResult: z.unknown().optional(),
})
export type GeminiResponsePart = z.infer<typeof geminiResponsePartSchema>

const candidateSchema = z.object({
  content: z.object({ parts: z.array(geminiResponsePartSchema).nullish(), role: z.string().nullish() }).nullish(),
  finishReason: z.string().nullish(),
  finishMessage: z.string().nullish(),
})

/** `{code, message, status, details}`: the body of every error answer, also sent in-band mid-stream. */
export const geminiErrorObjectSchema = z.object({
  code: z.number().nullish(),
  message: z.string().nullish(),
  status: z.string().nullish(),
  details: z.array(z.looseObject({ '@type': z.string().nullish(), reason: z.string().nullish(), retryDelay: z.string().nullish() })).nullish(),
})
export type GeminiErrorObject = z.infer<typeof geminiErrorObjectSchema>

export const geminiErrorBodySchema = z.object({ error: geminiErrorObjectSchema })

/** A generateContent answer; each streamed chunk has the same shape (or is an in-band `error`). */
export const geminiResponseSchema = z.object({
  candidates: z.array(candidateSchema).nullish(),
  promptFeedback: z.object({ blockReason: z.string().nullish() }).nullish(),
  usageMetadata: geminiUsageSchema.nullish(),
  modelVersion: z.string().nullish(),
  responseId: z.string().nullish(),
  error: geminiErrorObjectSchema.nullish(),
})
export type GeminiResponse = z.infer<typeof geminiResponseSchema>

export const geminiModelListSchema = z.object({
  models: z
    .array(
      z.object({
        name: z.string(),
        inputTokenLimit: z.number().nullish(),
        version: z.string().nullish(),
        supportedGenerationMethods: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
  nextPageToken: z.string().nullish(),
})

export const geminiTokenCountSchema = z.object({ totalTokens: z.number().nullish() })

const embeddingSchema = z.object({ values: z.array(z.number()) })
export const geminiEmbedContentSchema = z.object({ embedding: embeddingSchema })
export const geminiBatchEmbedContentsSchema = z.object({ embeddings: z.array(embeddingSchema) })
