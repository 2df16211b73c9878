import { googleOAuthMockScopes, mintGoogleOAuthMockCode, type GoogleOAuthMockState } from './google-oauth-mock-state'

export interface GoogleOAuthMockAuthorizeSetup {
  clientId: string
  state: GoogleOAuthMockState
  /** Who approves the consent screen. */
  account: string
  /** The user clicks "Cancel" on the consent screen. */
  deny: boolean
}

/** What the authorization endpoint answers: a redirect back to the client, or Google's own error page. */
export type GoogleOAuthMockAuthorizeAnswer = { redirect: string } | { status: number; error: string; description: string }

const unreserved = /^[A-Za-z0-9\-._~]{43,128}$/

/**
 * GET /o/oauth2/v2/auth, checked the way Google checks an installed app's request. Problems with the
 * client or the redirect URI never redirect (Google shows "Error 400: redirect_uri_mismatch" and the
 * like, since it cannot trust the redirect); the others come back to the redirect URI as `error=…`.
 * Only loopback redirect URIs (`http://127.0.0.1:<port>/…`, `[::1]`, `localhost`) are registered.
 */
export function answerGoogleOAuthMockAuthorize(query: URLSearchParams, setup: GoogleOAuthMockAuthorizeSetup): GoogleOAuthMockAuthorizeAnswer {
  const page = (status: number, error: string, description: string) => ({ status, error, description })
  const clientId = query.get('client_id')
  if (!clientId) return page(400, 'invalid_request', 'Missing required parameter: client_id')
  if (clientId !== setup.clientId) return page(401, 'invalid_client', 'The OAuth client was not found.')
  const redirectUri = query.get('redirect_uri')
  if (!redirectUri) return page(400, 'invalid_request', 'Missing required parameter: redirect_uri')
  if (!isLoopbackRedirect(redirectUri)) return page(400, 'redirect_uri_mismatch', `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy: redirect_uri=${redirectUri}`)

  const back = (parameters: Record<string, string>) => {
    const url = new URL(redirectUri)
    const state = query.get('state')
    for (const [name, value] of Object.entries({ ...parameters, ...(state !== null ? { state } : {}) })) url.searchParams.set(name, value)
    return { redirect: url.toString() }
  }
  const responseType = query.get('response_type')
  if (!responseType) return page(400, 'invalid_request', 'Required parameter is missing: response_type')
  if (responseType !== 'code') return page(400, 'unsupported_response_type', `Invalid response_type: ${responseType}`)
  const requested = (query.get('scope') ?? '').split(' ').filter(Boolean)
  if (requested.length === 0) return page(400, 'invalid_request', 'Missing required parameter: scope')
  const unknown = requested.filter((scope) => !(scope in googleOAuthMockScopes))
  if (unknown.length > 0) return page(400, 'invalid_scope', `Some requested scopes were invalid. {invalid=[${unknown.join(', ')}]}`)
  const accessType = query.get('access_type')
  if (accessType !== null && accessType !== 'online' && accessType !== 'offline') return page(400, 'invalid_request', `Invalid access_type: ${accessType}`)
  const prompt = query.get('prompt')
  if (prompt !== null && !prompt.split(' ').every((value) => ['none', 'consent', 'select_account'].includes(value))) return page(400, 'invalid_request', `Invalid prompt: ${prompt}`)

  const challenge = query.get('code_challenge') ?? undefined
  const method = query.get('code_challenge_method') ?? (challenge ? 'plain' : undefined)
  if (!challenge) return page(400, 'invalid_request', 'code_challenge is required for this client (PKCE)')
  if (method !== 'S256' && method !== 'plain') return page(400, 'invalid_request', `Invalid code_challenge_method: ${method}`)
  if (!unreserved.test(challenge)) return page(400, 'invalid_request', 'Invalid code_challenge.')
  // This replica insists on the two values a CSRF-safe client always sends.
  if (!query.get('state')) return page(400, 'invalid_request', 'Missing required parameter: state')

  if (setup.deny) return back({ error: 'access_denied' })
  const scope = [...new Set(requested.map((name) => googleOAuthMockScopes[name]!))].join(' ')
  const code = mintGoogleOAuthMockCode()
  setup.state.codes.set(code, { clientId, redirectUri, scope, account: setup.account, challenge, challengeMethod: method, expiresAt: Date.now() + 10 * 60_000, used: false })
  return back({ code, scope, authuser: '0', prompt: prompt ?? 'consent' })
}

function isLoopbackRedirect(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname) && url.hash === ''
  } catch {
    return false
  }
}
