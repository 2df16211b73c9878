import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { UpstreamError } from '../../errors/upstream-error'
import { callOptions } from '../../test-support/call-options'
import { testInstanceSecrets } from '../../test-support/test-instance-secrets'
import { userText } from '../../test-support/user-text'
import type { Provider } from '../provider-definition'
import { readGoogleOAuthTokens } from './google-oauth-tokens'
import { startAntigravityTestKit, type AntigravityTestKit } from './start-antigravity-test-kit'

let kit: AntigravityTestKit
beforeAll(async () => {
  // A slow token endpoint keeps a refresh open long enough for concurrent requests to meet it.
  kit = await startAntigravityTestKit({ oauth: { tokenDelayMs: 60 }, cloudCode: { onboarded: ['someone@example.com'] } })
})
afterAll(() => kit.close())

const request = { model: 'mock-gemini', system: [], messages: [userText('hi')], stream: false }
const generate = (provider: Provider) => provider.generate(request, callOptions())
const grantsSince = (start: number) => kit.oauth.tokenGrants().slice(start)
const bearerOf = (index: number) => kit.cloudCode.requests.at(index)!.headers.authorization

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(UpstreamError.isUpstreamError(error), String(error)).toBe(true)
  return error as UpstreamError
}

describe('access tokens', () => {
  test('a fresh token is used as stored, without asking the token endpoint', async () => {
    const start = kit.oauth.tokenGrants().length
    const { provider, accessToken } = await kit.signedIn()
    await generate(provider)
    expect(bearerOf(-1)).toBe(`Bearer ${accessToken}`)
    expect(grantsSince(start)).toEqual([])
    expect(await provider.currentToken!(callOptions())).toBe(accessToken)
  })

  test('a token that expires within the skew is refreshed first, and the refresh is stored', async () => {
    const start = kit.oauth.tokenGrants().length
    const { provider, secrets, accessToken, refreshToken } = await kit.signedIn({ lifetimeSeconds: 30 })
    await generate(provider)
    expect(grantsSince(start)).toEqual(['refresh_token'])
    const stored = (await readGoogleOAuthTokens(secrets))!
    expect(stored.accessToken).not.toBe(accessToken)
    expect(stored.refreshToken).toBe(refreshToken)
    expect(stored.expiresAt).toBeGreaterThan(Date.now() + 3_000_000)
    expect(bearerOf(-1)).toBe(`Bearer ${stored.accessToken}`)
    const refreshForm = new URLSearchParams(String(kit.oauth.requests.at(-1)!.body))
    expect(Object.fromEntries(refreshForm)).toEqual({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: kit.config.clientId, client_secret: kit.config.clientSecret })
  })

  test('concurrent requests share one refresh', async () => {
    const start = kit.oauth.tokenGrants().length
    const { provider, secrets } = await kit.signedIn({ lifetimeSeconds: 10 })
    await Promise.all(Array.from({ length: 6 }, () => generate(provider)))
    expect(grantsSince(start)).toEqual(['refresh_token'])
    const stored = (await readGoogleOAuthTokens(secrets))!
    expect(kit.cloudCode.requests.slice(-6).every((recorded) => recorded.headers.authorization === `Bearer ${stored.accessToken}`)).toBe(true)
  })

  test('a 401 from Cloud Code refreshes once and retries', async () => {
    const start = kit.oauth.tokenGrants().length
    // A configured project: no loadCodeAssist before the generation (it would meet the 401 first).
    const { provider, accessToken } = await kit.signedIn({ config: { project: kit.cloudCode.projectOf('someone@example.com') } })
    kit.oauth.expireAccessToken(accessToken)
    const before = kit.cloudCode.requests.length
    const result = await generate(provider)
    expect(result.content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
    expect(grantsSince(start)).toEqual(['refresh_token'])
    const calls = kit.cloudCode.requests.slice(before)
    expect(calls.map((recorded) => recorded.path)).toEqual(['/v1internal:generateContent', '/v1internal:generateContent'])
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${accessToken}`)
    expect(calls[1]!.headers.authorization).not.toBe(`Bearer ${accessToken}`)
  })

  test('concurrent 401s share one refresh too', async () => {
    const start = kit.oauth.tokenGrants().length
    const { provider, accessToken } = await kit.signedIn()
    kit.oauth.expireAccessToken(accessToken)
    await Promise.all(Array.from({ length: 4 }, () => generate(provider)))
    expect(grantsSince(start)).toEqual(['refresh_token'])
  })

  test('a revoked refresh token is a clear 401 telling the user to sign in again, and is not retried', async () => {
    const { provider, refreshToken } = await kit.signedIn({ lifetimeSeconds: 5 })
    kit.oauth.revokeRefreshToken(refreshToken)
    const start = kit.oauth.tokenGrants().length
    const error = await rejection(generate(provider))
    expect(error).toMatchObject({ status: 401, type: 'authentication', code: 'sign_in_required' })
    expect(error.message).toMatch(/expired or was revoked.*`omnillm auth antigravity`/)
    await rejection(generate(provider))
    expect(grantsSince(start)).toEqual(['refresh_token'])
  })

  test('no sign-in at all: a 401 naming the command', async () => {
    const provider = kit.providerWith(testInstanceSecrets('ag'))
    const error = await rejection(generate(provider))
    expect(error).toMatchObject({ status: 401, code: 'sign_in_required' })
    expect(error.message).toContain('is not signed in to Google; run `omnillm auth antigravity`')
  })

  test('a wrong client secret on refresh: a 401 that points at the config, not at signing in', async () => {
    const { provider } = await kit.signedIn({ lifetimeSeconds: 5, config: { clientSecret: 'GOCSPX-wrong' } })
    const error = await rejection(generate(provider))
    expect(error).toMatchObject({ status: 401, code: 'oauth_invalid_client' })
    expect(error.message).toMatch(/invalid_client: Unauthorized\. Check the instance's clientId and clientSecret/)
  })

  test('no token, refresh token or secret reaches a log line or an error', async () => {
    const lines: string[] = []
    const logger = pino({ level: 'trace' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }))
    const secrets: string[] = [kit.config.clientSecret as string]
    const errors: unknown[] = []

    const expiring = await kit.signedIn({ lifetimeSeconds: 5, logger })
    await generate(expiring.provider)
    secrets.push(expiring.accessToken, expiring.refreshToken, (await readGoogleOAuthTokens(expiring.secrets))!.accessToken)
    const rejected = await kit.signedIn({ logger })
    kit.oauth.expireAccessToken(rejected.accessToken)
    await generate(rejected.provider)
    secrets.push(rejected.accessToken, rejected.refreshToken, (await readGoogleOAuthTokens(rejected.secrets))!.accessToken)
    const revoked = await kit.signedIn({ lifetimeSeconds: 5, logger })
    kit.oauth.revokeRefreshToken(revoked.refreshToken)
    errors.push(await rejection(generate(revoked.provider)))
    secrets.push(revoked.accessToken, revoked.refreshToken)
    const doublyRejected = await kit.signedIn({ logger })
    kit.oauth.expireAccessToken(doublyRejected.accessToken)
    kit.oauth.revokeRefreshToken(doublyRejected.refreshToken)
    errors.push(await rejection(generate(doublyRejected.provider)))
    secrets.push(doublyRejected.accessToken, doublyRejected.refreshToken)

    expect(lines.join('')).toContain('refreshed the Google access token')
    const reported = [lines.join(''), ...errors.map((error) => `${(error as Error).message} ${JSON.stringify(error)} ${(error as UpstreamError).upstreamBody ?? ''}`)].join('\n')
    for (const secret of secrets) expect(reported).not.toContain(secret)
  })
})
