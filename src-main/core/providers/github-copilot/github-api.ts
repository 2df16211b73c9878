import { z } from 'zod'

/** GitHub's and Copilot's wire answers: only the fields we read, lenient about the rest. */

/** POST /login/device/code (Accept: application/json). */
export const deviceCodeResponseSchema = z.object({
  device_code: z.string().min(1),
  user_code: z.string().min(1),
  verification_uri: z.string().min(1),
  expires_in: z.number(),
  interval: z.number().nullish(),
})

/** GitHub's OAuth errors come with HTTP 200 and an `error` field. */
export const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().nullish(), interval: z.number().nullish() })

/** POST /login/oauth/access_token: 200 with the token, or 200 with `error` (pending, slow_down, …). */
export const accessTokenResponseSchema = z.union([z.object({ access_token: z.string().min(1), token_type: z.string().nullish(), scope: z.string().nullish() }), oauthErrorSchema])

/** GET /user */
export const githubUserSchema = z.object({ login: z.string() })

/** GET /copilot_internal/v2/token */
export const copilotTokenResponseSchema = z.object({
  token: z.string().min(1),
  /** Unix seconds. */
  expires_at: z.number(),
  /** Seconds until a refresh is due (GitHub's own clients refresh then). */
  refresh_in: z.number().nullish(),
  endpoints: z.object({ api: z.string().nullish() }).loose().nullish(),
})
export type CopilotTokenResponse = z.infer<typeof copilotTokenResponseSchema>

/** GET {api}/models */
export const copilotModelSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  vendor: z.string().nullish(),
  version: z.string().nullish(),
  supported_endpoints: z.array(z.string()).nullish(),
  capabilities: z
    .object({
      type: z.string().nullish(),
      family: z.string().nullish(),
      limits: z.object({ max_context_window_tokens: z.number().nullish(), max_output_tokens: z.number().nullish(), max_prompt_tokens: z.number().nullish() }).loose().nullish(),
      supports: z.object({ tool_calls: z.boolean().nullish(), vision: z.boolean().nullish() }).loose().nullish(),
    })
    .loose()
    .nullish(),
})
export type CopilotModel = z.infer<typeof copilotModelSchema>
export const copilotModelListSchema = z.object({ data: z.array(copilotModelSchema) })

/** GET /copilot_internal/user: the quota snapshot, passed on as GitHub sends it. */
export const copilotUsageSchema = z.record(z.string(), z.unknown())
