import { z } from 'zod'
import type { InstanceSecrets } from '../provider-definition'

/** The instance secret holding the Google sign-in, one JSON value so a refresh or a new sign-in replaces it whole. */
export const googleOAuthSecretName = 'googleOAuth'

const googleOAuthTokensSchema = z.object({
  accessToken: z.string().min(1),
  /** Epoch milliseconds. */
  expiresAt: z.number(),
  refreshToken: z.string().min(1),
  /** The signed-in Google account's email, when the ID token named it. */
  account: z.string().optional(),
})
export type GoogleOAuthTokens = z.infer<typeof googleOAuthTokensSchema>

/** The stored sign-in, or undefined when there is none (or it is unreadable: signing in again fixes it). */
export async function readGoogleOAuthTokens(secrets: InstanceSecrets): Promise<GoogleOAuthTokens | undefined> {
  const stored = await secrets.get(googleOAuthSecretName)
  if (stored === undefined) return undefined
  try {
    const parsed = googleOAuthTokensSchema.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

export function writeGoogleOAuthTokens(secrets: InstanceSecrets, tokens: GoogleOAuthTokens): Promise<void> {
  return secrets.set(googleOAuthSecretName, JSON.stringify(tokens))
}
