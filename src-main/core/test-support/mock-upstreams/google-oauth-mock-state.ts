import { createHash, createHmac, randomBytes } from 'node:crypto'

/** The scopes the replica grants; anything else is `invalid_scope`. */
export const googleOAuthMockScopes: Record<string, string> = {
  openid: 'openid',
  email: 'https://www.googleapis.com/auth/userinfo.email',
  profile: 'https://www.googleapis.com/auth/userinfo.profile',
  'https://www.googleapis.com/auth/userinfo.email': 'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/userinfo.profile': 'https://www.googleapis.com/auth/userinfo.profile',
  'https://www.googleapis.com/auth/cloud-platform': 'https://www.googleapis.com/auth/cloud-platform',
}

export interface GoogleOAuthMockCode {
  clientId: string
  redirectUri: string
  scope: string
  account: string
  challenge?: string
  challengeMethod?: 'S256' | 'plain'
  expiresAt: number
  used: boolean
}

export interface GoogleOAuthMockGrant {
  clientId: string
  account: string
  scope: string
  revoked: boolean
}

export interface GoogleOAuthMockAccessToken {
  clientId: string
  account: string
  scope: string
  expiresAt: number
}

/** What the replica remembers: codes, refresh tokens (grants) and access tokens, all random and opaque. */
export interface GoogleOAuthMockState {
  codes: Map<string, GoogleOAuthMockCode>
  grants: Map<string, GoogleOAuthMockGrant>
  accessTokens: Map<string, GoogleOAuthMockAccessToken>
}

export function createGoogleOAuthMockState(): GoogleOAuthMockState {
  return { codes: new Map(), grants: new Map(), accessTokens: new Map() }
}

/** Google's token shapes: `4/0A…` codes, `ya29.…` access tokens, `1//…` refresh tokens. */
export const mintGoogleOAuthMockCode = () => `4/0A${randomBytes(24).toString('base64url')}`
export const mintGoogleOAuthMockAccessToken = () => `ya29.a0${randomBytes(32).toString('base64url')}`
export const mintGoogleOAuthMockRefreshToken = () => `1//0g${randomBytes(32).toString('base64url')}`

/** RFC 7636 §4.6: S256 compares BASE64URL(SHA256(verifier)); plain compares the verifier itself. */
export function googleOAuthMockVerifierMatches(code: GoogleOAuthMockCode, verifier: string): boolean {
  const derived = code.challengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier
  return derived === code.challenge
}

/**
 * An OpenID Connect ID token with the claims Google puts in it. It is signed with HS256 under a mock key,
 * not with Google's RS256 keys: the replica's clients read the claims, they do not verify it.
 */
export function googleOAuthMockIdToken(clientId: string, account: string, issuedAt = Math.floor(Date.now() / 1000)): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const subject = BigInt(`0x${createHash('sha256').update(account).digest('hex').slice(0, 15)}`).toString()
  const header = encode({ alg: 'HS256', typ: 'JWT', kid: 'mock' })
  const payload = encode({ iss: 'https://accounts.google.com', azp: clientId, aud: clientId, sub: subject, email: account, email_verified: true, iat: issuedAt, exp: issuedAt + 3600 })
  const signature = createHmac('sha256', 'omnillm-google-oauth-mock').update(`${header}.${payload}`).digest('base64url')
  return `${header}.${payload}.${signature}`
}
