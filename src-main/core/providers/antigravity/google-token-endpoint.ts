import { z } from 'zod'
import { UpstreamError } from '../../errors/upstream-error'
import { readUpstreamText } from '../http/read-upstream-text'
import type { UpstreamHttpClient } from '../http/upstream-http-client'

/** A successful token endpoint answer (RFC 6749 §5.1; Google adds `id_token` when `openid` was granted). */
const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().optional(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
})
export type GoogleTokenResponse = z.infer<typeof tokenResponseSchema>

/** RFC 6749 §5.2: `{error, error_description}`. */
const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() })

export interface GoogleTokenRequest {
  instanceId: string
  http: UpstreamHttpClient
  tokenUrl: string
  form: Record<string, string>
  signal: AbortSignal
}

/** What the token endpoint refused, for the caller to word (`invalid_grant` means: sign in again). */
export class GoogleTokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string | undefined,
  ) {
    super(`${error}${description ? `: ${description}` : ''}`)
    this.name = 'GoogleTokenError'
  }
}

/**
 * POSTs a form to the token endpoint. A 2xx answer must be a token response; an RFC 6749 error becomes a
 * GoogleTokenError; anything else (5xx, an unreadable body) an UpstreamError. Neither carries the body
 * of a success, so no token can end up in an error or a log line.
 */
export async function postGoogleTokenForm(request: GoogleTokenRequest): Promise<GoogleTokenResponse> {
  const response = await request.http.request({
    instanceId: request.instanceId,
    url: request.tokenUrl,
    method: 'POST',
    headers: { accept: 'application/json' },
    form: request.form,
    signal: request.signal,
  })
  const text = await readUpstreamText(response).catch(() => '')
  const json = parseJson(text)
  if (response.status >= 200 && response.status < 300) {
    const parsed = tokenResponseSchema.safeParse(json)
    if (parsed.success) return parsed.data
    throw new UpstreamError({ instanceId: request.instanceId, status: 502, code: 'invalid_token_response', message: `The Google token endpoint of provider "${request.instanceId}" sent an unreadable token response.` })
  }
  const refusal = tokenErrorSchema.safeParse(json)
  if (refusal.success && response.status < 500) throw new GoogleTokenError(response.status, refusal.data.error, refusal.data.error_description)
  throw new UpstreamError({
    instanceId: request.instanceId,
    status: response.status >= 500 ? response.status : 502,
    code: 'token_endpoint_error',
    message: `The Google token endpoint of provider "${request.instanceId}" answered HTTP ${response.status}.`,
    body: text,
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
