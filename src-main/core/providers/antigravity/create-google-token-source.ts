import type { Logger } from 'pino'
import { UpstreamError } from '../../errors/upstream-error'
import type { UpstreamHttpClient } from '../http/upstream-http-client'
import type { InstanceSecrets } from '../provider-definition'
import { readGoogleOAuthTokens, writeGoogleOAuthTokens, type GoogleOAuthTokens } from './google-oauth-tokens'
import { GoogleTokenError, postGoogleTokenForm } from './google-token-endpoint'
import type { AntigravityProviderConfig } from './parse-antigravity-config'
import { readIdTokenEmail } from './read-id-token-email'

/** A token this close to its expiry is refreshed before use. */
export const tokenRefreshSkewMs = 60_000

export interface GoogleAccessToken {
  token: string
  /** The signed-in account (email), when known. */
  account?: string
}

export interface GoogleTokenSource {
  /** A usable access token: the stored one, or a refreshed one when it expires within the skew. */
  accessToken(signal: AbortSignal): Promise<GoogleAccessToken>
  /** The upstream refused `rejected` (401): refresh once, unless someone already replaced it. */
  refreshAfterRejection(rejected: string, signal: AbortSignal): Promise<GoogleAccessToken>
}

export interface GoogleTokenSourceOptions {
  config: AntigravityProviderConfig
  http: UpstreamHttpClient
  secrets: InstanceSecrets
  logger: Logger
  now?: () => number
}

/**
 * The instance's Google access token, read from the secret store on every call (so a new sign-in takes
 * effect at once) and refreshed with the refresh token shortly before it expires or when the upstream
 * answers 401. Concurrent callers share one refresh. A revoked or expired refresh token is a 401 that
 * tells the user to sign in again; it is not retried until the stored refresh token changes.
 */
export function createGoogleTokenSource(options: GoogleTokenSourceOptions): GoogleTokenSource {
  const { config, secrets } = options
  const now = options.now ?? Date.now
  let refreshing: Promise<GoogleAccessToken> | undefined
  let revokedRefreshToken: string | undefined

  async function stored(): Promise<GoogleOAuthTokens> {
    const tokens = await readGoogleOAuthTokens(secrets)
    if (!tokens) throw signInRequired(config.instanceId, 'is not signed in to Google')
    return tokens
  }

  const fresh = (tokens: GoogleOAuthTokens) => tokens.expiresAt - tokenRefreshSkewMs > now()

  /** One refresh at a time; its outcome is every waiting caller's. */
  function refresh(staleAccessToken: string, signal: AbortSignal): Promise<GoogleAccessToken> {
    // The shared refresh must not die with the one request that started it.
    refreshing ??= runRefresh(staleAccessToken).finally(() => (refreshing = undefined))
    return abortable(refreshing, signal)
  }

  async function runRefresh(staleAccessToken: string): Promise<GoogleAccessToken> {
    const tokens = await stored()
    // Another refresh, or a new sign-in, already replaced the token that failed.
    if (tokens.accessToken !== staleAccessToken && fresh(tokens)) return accessTokenOf(tokens)
    if (tokens.refreshToken === revokedRefreshToken) throw revoked(config.instanceId)
    let answer
    try {
      answer = await postGoogleTokenForm({
        instanceId: config.instanceId,
        http: options.http,
        tokenUrl: config.tokenUrl,
        form: { grant_type: 'refresh_token', refresh_token: tokens.refreshToken, client_id: config.clientId, client_secret: config.clientSecret },
        signal: AbortSignal.timeout(30_000),
      })
    } catch (error) {
      if (!(error instanceof GoogleTokenError)) throw error
      if (error.error === 'invalid_grant') {
        revokedRefreshToken = tokens.refreshToken
        options.logger.warn({ instanceId: config.instanceId }, 'the Google refresh token was refused (invalid_grant); the instance needs a new sign-in')
        throw revoked(config.instanceId)
      }
      throw tokenRefused(config.instanceId, error)
    }
    const account = readIdTokenEmail(answer.id_token) ?? tokens.account
    const next: GoogleOAuthTokens = {
      accessToken: answer.access_token,
      expiresAt: now() + answer.expires_in * 1000,
      // Google keeps the refresh token unless it rotates it.
      refreshToken: answer.refresh_token ?? tokens.refreshToken,
      ...(account ? { account } : {}),
    }
    await writeGoogleOAuthTokens(secrets, next)
    options.logger.debug({ instanceId: config.instanceId, expiresInSeconds: answer.expires_in }, 'refreshed the Google access token')
    return accessTokenOf(next)
  }

  return {
    async accessToken(signal) {
      const tokens = await stored()
      return fresh(tokens) ? accessTokenOf(tokens) : refresh(tokens.accessToken, signal)
    },
    refreshAfterRejection: (rejected, signal) => refresh(rejected, signal),
  }
}

function accessTokenOf(tokens: GoogleOAuthTokens): GoogleAccessToken {
  return { token: tokens.accessToken, ...(tokens.account ? { account: tokens.account } : {}) }
}

function signInRequired(instanceId: string, what: string): UpstreamError {
  return new UpstreamError({
    instanceId,
    status: 401,
    code: 'sign_in_required',
    message: `Provider "${instanceId}" (antigravity) ${what}; run \`omnillm auth antigravity\` to sign in.`,
  })
}

function revoked(instanceId: string): UpstreamError {
  return signInRequired(instanceId, 'has a Google sign-in that expired or was revoked')
}

/** `invalid_client` and the like: the configured client is wrong, signing in again would not help. */
function tokenRefused(instanceId: string, error: GoogleTokenError): UpstreamError {
  const hint = error.error === 'invalid_client' || error.error === 'unauthorized_client' ? ' Check the instance\'s clientId and clientSecret.' : ''
  return new UpstreamError({
    instanceId,
    status: 401,
    code: `oauth_${error.error}`,
    message: `Google refused to refresh the access token of provider "${instanceId}" (antigravity): ${error.message}.${hint}`,
  })
}

/** The shared promise, given up on (not cancelled) when this caller's request is aborted. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error as Error)
      },
    )
  })
}
