import { z } from 'zod'
import { geminiErrorObjectSchema, geminiResponseSchema } from '../gemini/gemini-api'

/**
 * Zod schemas for what the Cloud Code assistant (`v1internal`) sends back, lenient like gemini-api.ts.
 * Generation answers wrap a Gemini GenerateContentResponse: `{response: {...}, traceId}`.
 */

export const cloudCodeResponseSchema = z.object({
  response: geminiResponseSchema.nullish(),
  traceId: z.string().nullish(),
  /** An in-band error chunk mid-stream. */
  error: geminiErrorObjectSchema.nullish(),
})
export type CloudCodeResponse = z.infer<typeof cloudCodeResponseSchema>

const tierSchema = z.object({ id: z.string().nullish(), name: z.string().nullish(), isDefault: z.boolean().nullish(), userDefinedCloudaicompanionProject: z.boolean().nullish() })

/** `cloudaicompanionProject` is a project id string here, `{id}` in the onboarding answer. */
const projectSchema = z.union([z.string(), z.object({ id: z.string().nullish() })]).nullish()

export const loadCodeAssistSchema = z.object({
  currentTier: tierSchema.nullish(),
  allowedTiers: z.array(tierSchema).nullish(),
  ineligibleTiers: z.array(z.object({ reasonCode: z.string().nullish(), reasonMessage: z.string().nullish() })).nullish(),
  cloudaicompanionProject: projectSchema,
})
export type LoadCodeAssistAnswer = z.infer<typeof loadCodeAssistSchema>

/** onboardUser answers with a long-running operation; polled with GET /v1internal/{name} until done. */
export const onboardOperationSchema = z.object({
  name: z.string().nullish(),
  done: z.boolean().nullish(),
  response: z.object({ cloudaicompanionProject: projectSchema }).nullish(),
  error: geminiErrorObjectSchema.nullish(),
})

/** fetchAvailableModels: model id → its display name and quota. */
export const availableModelsSchema = z.object({
  models: z.record(z.string(), z.object({ displayName: z.string().nullish(), maxTokens: z.number().nullish() }).loose()).nullish(),
})

export const cloudCodeTokenCountSchema = z.object({ totalTokens: z.number().nullish() })

/** The project id of a `cloudaicompanionProject` value in either shape. */
export function projectIdOf(value: z.infer<typeof projectSchema>): string | undefined {
  if (typeof value === 'string') return value || undefined
  return value?.id || undefined
}
