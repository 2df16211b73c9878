import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SignInContext, SignInResult } from '../provider-definition'
import { createPkcePair } from './create-pkce-pair'
import { writeGoogleOAuthTokens } from './google-oauth-tokens'
import { GoogleTokenError, postGoogleTokenForm } from './google-token-endpoint'
import { parseAntigravityConfig, type AntigravityProviderConfig } from './parse-antigravity-config'
import { readIdTokenEmail } from './read-id-token-email'
import { renderSignInPage, signInPageHeaders } from './render-sign-in-page'

/** What the Cloud Code assistant needs (cloud-platform), plus who signed in (email, profile, openid). */
export const googleOAuthScopes = [
  'https://www.googleapis.com/auth/cloud-platform',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/userinfo.profile',
  'openid',
] as const

export const callbackPath = '/oauth2callback'
export const defaultSignInTimeoutMs = 5 * 60_000

export interface SignInWithGoogleOptions {
  timeoutMs?: number
}

type Outcome = { ok: true; result: SignInResult } | { ok: false; error: Error }

/**
 * Google OAuth for an installed app (RFC 8252 loopback redirect, PKCE S256): listens on 127.0.0.1 at a
 * free port, reports the consent URL, and waits for Google to send the browser back. A redirect whose
 * `state` is not this sign-in's gets a 400 page and the wait goes on (any local page can send one); the
 * right one ends the sign-in either way. The code is exchanged at the token endpoint and the tokens
 * replace whatever the instance stored before. Cancel (`context.signal`) or the timeout closes the
 * listener and rejects.
 */
export async function signInWithGoogle(context: SignInContext, options: SignInWithGoogleOptions = {}): Promise<SignInResult> {
  const config = parseAntigravityConfig(context.config)
  context.signal.throwIfAborted()
  const pkce = createPkcePair()
  const state = randomBytes(32).toString('base64url')
  let settle: (outcome: Outcome) => void = () => undefined
  const outcome = new Promise<Outcome>((resolve) => (settle = resolve))
  let finished = false

  const server = createServer((request, response) => {
    void answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) page(response, 500, 'Sign-in failed', 'OmniLLM could not complete the sign-in; see the terminal or the app.')
      finish({ ok: false, error: error as Error })
    })
  })
  const finish = (next: Outcome) => {
    if (finished) return
    finished = true
    settle(next)
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== callbackPath) return page(response, 404, 'Not found', 'This address only receives the Google sign-in.')
    if (request.method !== 'GET') return page(response, 405, 'Method not allowed', 'This address only receives the Google sign-in.')
    if (finished) return page(response, 409, 'Sign-in already finished', 'You can close this tab.')
    if (url.searchParams.get('state') !== state) {
      context.logger.warn({ instanceId: config.instanceId }, 'the sign-in listener got a redirect that does not belong to this sign-in (state mismatch); still waiting')
      return page(response, 400, 'Sign-in link not recognised', 'This redirect does not belong to the sign-in in progress. Start the sign-in from OmniLLM again if you need to.')
    }
    const error = url.searchParams.get('error')
    if (error !== null) {
      const description = url.searchParams.get('error_description')
      const text = `${error}${description ? `: ${description}` : ''}`
      page(response, 400, 'Sign-in failed', `Google did not grant access: ${text}`)
      return finish({ ok: false, error: new Error(`Google sign-in failed: ${printable(text)}`) })
    }
    const code = url.searchParams.get('code')
    if (!code) {
      page(response, 400, 'Sign-in failed', 'Google sent the browser back without an authorization code.')
      return finish({ ok: false, error: new Error('Google sign-in failed: the redirect carried no authorization code.') })
    }
    finished = true
    try {
      const result = await exchange(config, context, code, pkce.verifier, redirectUri)
      page(response, 200, 'Signed in', `${result.account ? `Signed in to Google as ${result.account}. ` : ''}You can close this tab and return to OmniLLM.`)
      settle({ ok: true, result })
    } catch (exchangeError) {
      page(response, 502, 'Sign-in failed', 'Google did not accept the authorization code; see the terminal or the app.')
      settle({ ok: false, error: exchangeError as Error })
    }
  }

  const port = await listen(server)
  const redirectUri = `http://127.0.0.1:${port}${callbackPath}`
  const timeoutMs = options.timeoutMs ?? defaultSignInTimeoutMs
  const onAbort = () => finish({ ok: false, error: new Error('Sign-in cancelled.', { cause: context.signal.reason }) })
  context.signal.addEventListener('abort', onAbort, { once: true })
  const timer = setTimeout(() => finish({ ok: false, error: new Error(`Sign-in timed out: the browser did not come back within ${Math.round(timeoutMs / 1000)} s.`) }), timeoutMs)
  try {
    context.progress({ step: 'open-url', url: consentUrl(config, { redirectUri, state, challenge: pkce.challenge }) })
    context.progress({ step: 'waiting', message: `Waiting for Google to send the browser back to ${redirectUri} …` })
    const settled = await outcome
    if (!settled.ok) throw settled.error
    context.logger.info({ instanceId: config.instanceId, account: settled.result.account }, 'signed in to Google')
    return settled.result
  } finally {
    clearTimeout(timer)
    context.signal.removeEventListener('abort', onAbort)
    await close(server)
  }
}

function consentUrl(config: AntigravityProviderConfig, request: { redirectUri: string; state: string; challenge: string }): string {
  const url = new URL(config.authUrl)
  const parameters = {
    client_id: config.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: googleOAuthScopes.join(' '),
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    state: request.state,
    // A refresh token, and a new one on every sign-in (Google sends it only with consent).
    access_type: 'offline',
    prompt: 'consent',
  }
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value)
  return url.toString()
}

async function exchange(config: AntigravityProviderConfig, context: SignInContext, code: string, verifier: string, redirectUri: string): Promise<SignInResult> {
  let answer
  try {
    answer = await postGoogleTokenForm({
      instanceId: config.instanceId,
      http: context.http,
      tokenUrl: config.tokenUrl,
      form: { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: config.clientId, client_secret: config.clientSecret, redirect_uri: redirectUri },
      signal: AbortSignal.any([context.signal, AbortSignal.timeout(30_000)]),
    })
  } catch (error) {
    if (!(error instanceof GoogleTokenError)) throw error
    const hint = error.error === 'invalid_client' ? ' Check the instance\'s clientId and clientSecret (an OAuth client of type "Desktop app").' : ''
    throw new Error(`Google refused the authorization code: ${printable(error.message)}.${hint}`, { cause: error })
  }
  if (!answer.refresh_token) throw new Error('Google sent no refresh token; sign in again (the consent screen must be shown).')
  const account = readIdTokenEmail(answer.id_token)
  await writeGoogleOAuthTokens(context.secrets, {
    accessToken: answer.access_token,
    expiresAt: Date.now() + answer.expires_in * 1000,
    refreshToken: answer.refresh_token,
    ...(account ? { account } : {}),
  })
  return account ? { account } : {}
}

function page(response: ServerResponse, status: number, title: string, message: string): void {
  response.writeHead(status, signInPageHeaders)
  response.end(renderSignInPage(title, message))
}

/** Query text for an error message: no control characters (a terminal shows it), at most 300 characters. */
function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ').slice(0, 300)
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    // Pages already answered are flushed; a browser's idle keep-alive connection is not waited for.
    server.closeIdleConnections()
    setTimeout(() => server.closeAllConnections(), 1_000).unref()
  })
}
