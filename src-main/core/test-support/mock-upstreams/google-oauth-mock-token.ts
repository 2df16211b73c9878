import { googleOAuthMockIdToken, googleOAuthMockVerifierMatches, mintGoogleOAuthMockAccessToken, mintGoogleOAuthMockRefreshToken, type GoogleOAuthMockState } from './google-oauth-mock-state'

export interface GoogleOAuthMockTokenSetup {
  clientId: string
  clientSecret: string
  state: GoogleOAuthMockState
  accessTokenLifetimeSeconds: number
}

export interface GoogleOAuthMockTokenAnswer {
  status: number
  body: Record<string, unknown>
}

const refusal = (status: number, error: string, description: string): GoogleOAuthMockTokenAnswer => ({ status, body: { error, error_description: description } })

/**
 * POST /token (form-encoded), as Google's token endpoint answers an installed app: the client must
 * authenticate with its secret; `authorization_code` needs an unused, unexpired code for the same client
 * and redirect URI and the PKCE verifier of its challenge; `refresh_token` needs a grant that was not
 * revoked. Errors are RFC 6749 `{error, error_description}` with Google's wording.
 */
export function answerGoogleOAuthMockToken(form: URLSearchParams, setup: GoogleOAuthMockTokenSetup): GoogleOAuthMockTokenAnswer {
  const clientId = form.get('client_id')
  if (!clientId) return refusal(400, 'invalid_request', 'Could not determine client ID from request.')
  const secret = form.get('client_secret')
  if (clientId !== setup.clientId) return refusal(401, 'invalid_client', 'The OAuth client was not found.')
  if (!secret) return refusal(400, 'invalid_request', 'client_secret is missing.')
  if (secret !== setup.clientSecret) return refusal(401, 'invalid_client', 'Unauthorized')

  const grantType = form.get('grant_type') ?? ''
  if (grantType === 'authorization_code') return exchangeCode(form, setup)
  if (grantType === 'refresh_token') return refresh(form, setup)
  return refusal(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`)
}

function exchangeCode(form: URLSearchParams, setup: GoogleOAuthMockTokenSetup): GoogleOAuthMockTokenAnswer {
  const value = form.get('code')
  if (!value) return refusal(400, 'invalid_request', 'Missing required parameter: code')
  const code = setup.state.codes.get(value)
  if (!code || code.clientId !== setup.clientId) return refusal(400, 'invalid_grant', 'Malformed auth code.')
  if (code.used || code.expiresAt < Date.now()) return refusal(400, 'invalid_grant', 'Bad Request')
  const redirectUri = form.get('redirect_uri')
  if (!redirectUri) return refusal(400, 'invalid_request', 'Missing parameter: redirect_uri')
  if (redirectUri !== code.redirectUri) return refusal(400, 'redirect_uri_mismatch', 'Bad Request')
  const verifier = form.get('code_verifier')
  if (code.challenge && !verifier) return refusal(400, 'invalid_grant', 'Missing code verifier.')
  if (code.challenge && !googleOAuthMockVerifierMatches(code, verifier!)) return refusal(400, 'invalid_grant', 'Invalid code verifier.')
  code.used = true

  const refreshToken = mintGoogleOAuthMockRefreshToken()
  setup.state.grants.set(refreshToken, { clientId: code.clientId, account: code.account, scope: code.scope, revoked: false })
  return { status: 200, body: { ...issueAccessToken(setup, code.account, code.scope), refresh_token: refreshToken } }
}

function refresh(form: URLSearchParams, setup: GoogleOAuthMockTokenSetup): GoogleOAuthMockTokenAnswer {
  const value = form.get('refresh_token')
  if (!value) return refusal(400, 'invalid_request', 'Missing required parameter: refresh_token')
  const grant = setup.state.grants.get(value)
  if (!grant || grant.revoked) return refusal(400, 'invalid_grant', 'Token has been expired or revoked.')
  if (grant.clientId !== setup.clientId) return refusal(400, 'unauthorized_client', 'Unauthorized')
  return { status: 200, body: issueAccessToken(setup, grant.account, grant.scope) }
}

function issueAccessToken(setup: GoogleOAuthMockTokenSetup, account: string, scope: string): Record<string, unknown> {
  const accessToken = mintGoogleOAuthMockAccessToken()
  setup.state.accessTokens.set(accessToken, { clientId: setup.clientId, account, scope, expiresAt: Date.now() + setup.accessTokenLifetimeSeconds * 1000 })
  return {
    access_token: accessToken,
    expires_in: setup.accessTokenLifetimeSeconds,
    scope,
    token_type: 'Bearer',
    ...(scope.split(' ').includes('openid') ? { id_token: googleOAuthMockIdToken(setup.clientId, account) } : {}),
  }
}
