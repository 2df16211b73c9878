import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { answerGoogleOAuthMockAuthorize } from './google-oauth-mock-authorize'
import { createGoogleOAuthMockState, mintGoogleOAuthMockAccessToken, mintGoogleOAuthMockRefreshToken } from './google-oauth-mock-state'
import { answerGoogleOAuthMockToken } from './google-oauth-mock-token'
import { listenOnLoopback } from './listen-on-loopback'
import { readMockRequest, type RecordedMockRequest } from './read-mock-request'

export interface GoogleOAuthMockOptions {
  clientId: string
  clientSecret: string
  /** Who approves the consent screen (default `user@example.com`; `signInAs` changes it). */
  account?: string
  /** `expires_in` of every access token (default 3599, as Google). */
  accessTokenLifetimeSeconds?: number
  /** A pause before every token endpoint answer, to hold concurrent refreshes open. */
  tokenDelayMs?: number
}

export interface GoogleOAuthMockTokens {
  accessToken: string
  refreshToken: string
  /** Epoch milliseconds. */
  expiresAt: number
}

export interface GoogleOAuthMock {
  origin: string
  authUrl: string
  tokenUrl: string
  /** Every request, in arrival order (token endpoint bodies as the form's text). */
  requests: RecordedMockRequest[]
  /** The grant types the token endpoint was asked for, in order. */
  tokenGrants(): string[]
  signInAs(account: string): void
  /** The next consent is refused (`error=access_denied`). */
  denyNext(): void
  /** Tokens as if `account` had signed in (for seeding an instance), the access token valid for `lifetimeSeconds`. */
  issueTokens(account: string, lifetimeSeconds?: number): GoogleOAuthMockTokens
  /** The Cloud Code replica's bearer check: the account of a live access token with cloud-platform scope. */
  verifyAccessToken(token: string): { account: string } | undefined
  /** The access token stops working now (as after its hour). */
  expireAccessToken(token: string): void
  /** The user revoked the app's access: the refresh token stops working (`invalid_grant`). */
  revokeRefreshToken(token: string): void
  close(): Promise<void>
}

const cloudPlatform = 'https://www.googleapis.com/auth/cloud-platform'

/**
 * A strict local Google OAuth 2.0 server for installed apps on 127.0.0.1 (random port): the authorization
 * endpoint (`/o/oauth2/v2/auth`, which "consents" at once and redirects back with a code) and the token
 * endpoint (`/token`: authorization_code with PKCE, refresh_token), with Google's checks and error bodies.
 */
export async function startGoogleOAuthMock(options: GoogleOAuthMockOptions): Promise<GoogleOAuthMock> {
  const state = createGoogleOAuthMockState()
  const requests: RecordedMockRequest[] = []
  const lifetime = options.accessTokenLifetimeSeconds ?? 3599
  let account = options.account ?? 'user@example.com'
  let denyNext = false

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => json(response, 500, { error: 'server_error', error_description: (error as Error).message }))
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { record, url } = await readMockRequest(request, response)
    requests.push(record)
    if (record.method === 'GET' && record.path === '/o/oauth2/v2/auth') {
      const answer = answerGoogleOAuthMockAuthorize(url.searchParams, { clientId: options.clientId, state, account, deny: denyNext })
      if ('redirect' in answer) {
        denyNext = false
        response.writeHead(302, { location: answer.redirect, 'cache-control': 'no-store' })
        return void response.end()
      }
      response.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8' })
      return void response.end(`<!doctype html><title>Error ${answer.status}: ${answer.error}</title><h1>Access blocked: Authorization Error</h1><p>${escape(answer.description)}</p><p>Error ${answer.status}: ${answer.error}</p>`)
    }
    if (record.path === '/token') {
      if (record.method !== 'POST') return json(response, 405, { error: 'invalid_request', error_description: 'Method not allowed.' })
      if (!record.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return json(response, 400, { error: 'invalid_request', error_description: 'Invalid content type: the request must be application/x-www-form-urlencoded.' })
      if (options.tokenDelayMs) await sleep(options.tokenDelayMs)
      const answer = answerGoogleOAuthMockToken(new URLSearchParams(typeof record.body === 'string' ? record.body : ''), { clientId: options.clientId, clientSecret: options.clientSecret, state, accessTokenLifetimeSeconds: lifetime })
      return json(response, answer.status, answer.body)
    }
    json(response, 404, { error: 'not_found', error_description: `No route for ${record.method} ${record.path}` })
  }

  const listener = await listenOnLoopback(server)
  return {
    origin: listener.origin,
    authUrl: `${listener.origin}/o/oauth2/v2/auth`,
    tokenUrl: `${listener.origin}/token`,
    requests,
    tokenGrants: () => requests.filter((request) => request.path === '/token').map((request) => new URLSearchParams(String(request.body ?? '')).get('grant_type') ?? ''),
    signInAs: (next) => (account = next),
    denyNext: () => (denyNext = true),
    issueTokens(who, lifetimeSeconds = lifetime) {
      const scope = `${cloudPlatform} https://www.googleapis.com/auth/userinfo.email openid`
      const accessToken = mintGoogleOAuthMockAccessToken()
      const refreshToken = mintGoogleOAuthMockRefreshToken()
      const expiresAt = Date.now() + lifetimeSeconds * 1000
      state.accessTokens.set(accessToken, { clientId: options.clientId, account: who, scope, expiresAt })
      state.grants.set(refreshToken, { clientId: options.clientId, account: who, scope, revoked: false })
      return { accessToken, refreshToken, expiresAt }
    },
    verifyAccessToken(token) {
      const found = state.accessTokens.get(token)
      if (!found || found.expiresAt <= Date.now() || !found.scope.split(' ').includes(cloudPlatform)) return undefined
      return { account: found.account }
    },
    expireAccessToken(token) {
      const found = state.accessTokens.get(token)
      if (found) found.expiresAt = 0
    },
    revokeRefreshToken(token) {
      const grant = state.grants.get(token)
      if (grant) grant.revoked = true
    },
    close: listener.close,
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate', pragma: 'no-cache' })
  response.end(JSON.stringify(body, null, 2))
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
