import { z } from 'zod'

const claimsSchema = z.object({ email: z.string().min(1).optional() })

/**
 * The `email` claim of an ID token. Its signature is not checked: the token came straight from Google's
 * token endpoint over TLS, which OpenID Connect Core §3.1.3.7 accepts in place of the signature, and the
 * email is only shown to the user ("signed in as …").
 */
export function readIdTokenEmail(idToken: string | undefined): string | undefined {
  const payload = idToken?.split('.')[1]
  if (!payload) return undefined
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data.email : undefined
  } catch {
    return undefined
  }
}
