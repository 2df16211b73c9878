import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startCloudCodeMock, type CloudCodeMock } from './cloud-code-mock'
import { startGoogleOAuthMock, type GoogleOAuthMock } from './google-oauth-mock'

const client = { clientId: 'cid.apps.googleusercontent.com', clientSecret: 'GOCSPX-secret' }
const verifier = 'v'.repeat(43)
const challenge = createHash('sha256').update(verifier).digest('base64url')
const redirectUri = 'http://127.0.0.1:4321/oauth2callback'
const clientForm = { client_id: client.clientId, client_secret: client.clientSecret }

let oauth: GoogleOAuthMock
let cloudCode: CloudCodeMock
beforeAll(async () => {
  oauth = await startGoogleOAuthMock({ ...client, account: 'me@example.com' })
  cloudCode = await startCloudCodeMock({ verifyAccessToken: oauth.verifyAccessToken, onboarded: ['me@example.com'] })
})
afterAll(async () => {
  await cloudCode.close()
  await oauth.close()
})

function authorize(overrides: Record<string, string | undefined> = {}) {
  const query = { client_id: client.clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid https://www.googleapis.com/auth/cloud-platform', code_challenge: challenge, code_challenge_method: 'S256', state: 'st', ...overrides }
  const url = new URL(oauth.authUrl)
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value)
  return fetch(url, { redirect: 'manual' })
}

async function code(): Promise<string> {
  const response = await authorize()
  return new URL(response.headers.get('location')!).searchParams.get('code')!
}

async function token(form: Record<string, string>) {
  const response = await fetch(oauth.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const exchange = async (overrides: Record<string, string> = {}) => token({ grant_type: 'authorization_code', code: await code(), code_verifier: verifier, redirect_uri: redirectUri, ...clientForm, ...overrides })

describe('the Google OAuth replica', () => {
  test('authorization: a valid request redirects back with code, scope and state; bad ones get an error page', async () => {
    const ok = await authorize()
    expect(ok.status).toBe(302)
    const back = new URL(ok.headers.get('location')!)
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri)
    expect(back.searchParams.get('state')).toBe('st')
    expect(back.searchParams.get('code')).toMatch(/^4\/0A/)
    expect((await authorize({ client_id: 'other' })).status).toBe(401)
    expect(await (await authorize({ redirect_uri: 'https://evil.example/cb' })).text()).toContain('redirect_uri_mismatch')
    expect(await (await authorize({ code_challenge: undefined, code_challenge_method: undefined })).text()).toContain('code_challenge is required')
    expect(await (await authorize({ response_type: 'token' })).text()).toContain('unsupported_response_type')
    expect(await (await authorize({ scope: 'openid https://www.googleapis.com/auth/drive' })).text()).toContain('invalid_scope')
    expect(await (await authorize({ state: undefined })).text()).toContain('Missing required parameter: state')
  })

  test('code exchange: PKCE, redirect URI, single use, client authentication', async () => {
    const ok = await exchange()
    expect(ok).toMatchObject({ status: 200, body: { access_token: expect.stringMatching(/^ya29\./), refresh_token: expect.stringMatching(/^1\/\//), expires_in: 3599, token_type: 'Bearer', id_token: expect.any(String) } })
    expect(await exchange({ code_verifier: 'w'.repeat(43) })).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid code verifier.' } })
    expect(await exchange({ redirect_uri: 'http://127.0.0.1:1/other' })).toEqual({ status: 400, body: { error: 'redirect_uri_mismatch', error_description: 'Bad Request' } })
    expect(await exchange({ client_secret: 'wrong' })).toEqual({ status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } })
    const used = await code()
    const form = { grant_type: 'authorization_code', code: used, code_verifier: verifier, redirect_uri: redirectUri, ...clientForm }
    expect((await token(form)).status).toBe(200)
    expect(await token(form)).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } })
    expect(await token({ ...clientForm, grant_type: 'password' })).toEqual({ status: 400, body: { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: password' } })
    const json = await fetch(oauth.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form) })
    expect(json.status).toBe(400)
  })

  test('refresh: a new access token; a revoked refresh token is invalid_grant', async () => {
    const { body } = await exchange()
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: String(body.refresh_token), ...clientForm })
    expect(refreshed).toMatchObject({ status: 200, body: { access_token: expect.stringMatching(/^ya29\./), expires_in: 3599 } })
    expect(refreshed.body.refresh_token).toBeUndefined()
    oauth.revokeRefreshToken(String(body.refresh_token))
    expect(await token({ grant_type: 'refresh_token', refresh_token: String(body.refresh_token), ...clientForm })).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } })
  })
})

describe('the Cloud Code replica', () => {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${cloudCode.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  const envelope = (overrides: Record<string, unknown> = {}) => ({ model: 'mock-gemini', project: cloudCode.projectOf('me@example.com'), request: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }, ...overrides })

  test('401 without a bearer or with an expired one; Google’s error body', async () => {
    const missing = await post('/v1internal:generateContent', envelope())
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED', message: expect.stringContaining('missing required authentication credential') } })
    const { accessToken } = oauth.issueTokens('me@example.com')
    oauth.expireAccessToken(accessToken)
    expect((await post('/v1internal:generateContent', envelope(), accessToken)).status).toBe(401)
  })

  test('the envelope and the Gemini request inside are parsed strictly', async () => {
    const { accessToken } = oauth.issueTokens('me@example.com')
    const ok = await post('/v1internal:generateContent', envelope(), accessToken)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ response: { candidates: [{ content: { parts: [{ text: 'Hello from the mock upstream.' }] }, finishReason: 'STOP' }] }, traceId: expect.any(String) })
    const unknown = await post('/v1internal:generateContent', envelope({ sessionId: 'x' }), accessToken)
    expect(await unknown.text()).toContain('Unknown name \\"sessionId\\"')
    const inner = await post('/v1internal:generateContent', envelope({ request: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }], generation_config: { candidate_count: 'x' } } }), accessToken)
    expect(inner.status).toBe(400)
    const modelInside = await post('/v1internal:generateContent', envelope({ request: { model: 'models/mock-gemini', contents: [] } }), accessToken)
    expect(await modelInside.text()).toContain("Unknown name \\\"model\\\" at 'request'")
    expect((await post('/v1internal:generateContent', envelope({ project: 'someone-else' }), accessToken)).status).toBe(403)
    expect((await post('/v1internal:generateContent', envelope({ model: 'gpt-9' }), accessToken)).status).toBe(404)
  })
})
