import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { callOptions } from '../../test-support/call-options'
import { testInstanceSecrets } from '../../test-support/test-instance-secrets'
import { userText } from '../../test-support/user-text'
import type { InstanceSecrets, SignInProgress, SignInResult } from '../provider-definition'
import { readGoogleOAuthTokens } from './google-oauth-tokens'
import { callbackPath, googleOAuthScopes, signInWithGoogle } from './sign-in-with-google'
import { antigravityTestAccount, startAntigravityTestKit, type AntigravityTestKit } from './start-antigravity-test-kit'

let kit: AntigravityTestKit
beforeAll(async () => {
  kit = await startAntigravityTestKit()
})
afterAll(() => kit.close())

interface RunningSignIn {
  result: Promise<SignInResult>
  /** The consent URL, once the sign-in reported it. */
  url: Promise<string>
  progress: SignInProgress[]
  logLines: string[]
}

function startSignIn(options: { secrets?: InstanceSecrets; signal?: AbortSignal; timeoutMs?: number; clientSecret?: string } = {}): RunningSignIn {
  const progress: SignInProgress[] = []
  const logLines: string[] = []
  let reportUrl: (url: string) => void = () => undefined
  const url = new Promise<string>((resolve) => (reportUrl = resolve))
  const logger = pino({ level: 'trace' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) }))
  const result = signInWithGoogle(
    {
      config: { ...kit.config, ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}) },
      http: kit.http,
      logger,
      secrets: options.secrets ?? testInstanceSecrets('ag'),
      signal: options.signal ?? new AbortController().signal,
      progress: (update) => {
        progress.push(update)
        if (update.step === 'open-url') reportUrl(update.url)
      },
    },
    options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  )
  // Rejections are asserted by the tests; this keeps an early one from being reported as unhandled.
  result.catch(() => undefined)
  return { result, url, progress, logLines }
}

/** What the browser does: open the consent URL, get redirected, follow the redirect to the loopback listener. */
async function consent(url: string): Promise<{ location: string }> {
  const response = await fetch(url, { redirect: 'manual' })
  expect(response.status, await response.clone().text()).toBe(302)
  return { location: response.headers.get('location')! }
}

async function visit(url: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url)
  return { status: response.status, text: await response.text(), headers: response.headers }
}

async function refused(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  )
}

describe('sign-in against the Google OAuth replica', () => {
  test('the whole flow: consent URL, redirect to the loopback listener, code exchange, tokens stored, listener closed', async () => {
    const secrets = testInstanceSecrets('ag')
    const signIn = startSignIn({ secrets })
    const url = new URL(await signIn.url)
    expect(url.origin + url.pathname).toBe(kit.oauth.authUrl)
    const query = Object.fromEntries(url.searchParams)
    expect(query).toMatchObject({ client_id: kit.config.clientId, response_type: 'code', code_challenge_method: 'S256', access_type: 'offline', prompt: 'consent', scope: googleOAuthScopes.join(' ') })
    expect(query.redirect_uri).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${callbackPath}$`))
    expect(query.state!.length).toBeGreaterThanOrEqual(43)
    expect(query.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(signIn.progress.map((update) => update.step)).toEqual(['open-url', 'waiting'])

    const { location } = await consent(url.toString())
    expect(location.startsWith(query.redirect_uri!)).toBe(true)
    const page = await visit(location)
    expect(page.status).toBe(200)
    expect(page.text).toContain(`Signed in to Google as ${antigravityTestAccount}`)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(await signIn.result).toEqual({ account: antigravityTestAccount })

    const stored = await readGoogleOAuthTokens(secrets)
    expect(stored).toMatchObject({ accessToken: expect.stringMatching(/^ya29\./), refreshToken: expect.stringMatching(/^1\/\//), account: antigravityTestAccount })
    expect(stored!.expiresAt).toBeGreaterThan(Date.now() + 3_000_000)
    expect(kit.oauth.tokenGrants().at(-1)).toBe('authorization_code')
    expect(await refused(query.redirect_uri!)).toBe(true)

    // The stored sign-in is what an instance of the same secrets uses.
    const provider = kit.providerWith(secrets)
    const result = await provider.generate({ model: 'mock-gemini', system: [], messages: [userText('hi')], stream: false }, callOptions())
    expect(result.content).toEqual([{ type: 'text', text: 'Hello from the mock upstream.' }])
  })

  test('a redirect with another state gets a 400 page and the sign-in keeps waiting for the real one', async () => {
    const signIn = startSignIn()
    const { location } = await consent(await signIn.url)
    const forged = new URL(location)
    forged.searchParams.set('state', 'not-the-state')
    const page = await visit(forged.toString())
    expect(page.status).toBe(400)
    expect(page.text).toContain('does not belong to the sign-in in progress')
    expect(page.text).not.toContain(forged.searchParams.get('code')!)
    expect((await visit(location)).status).toBe(200)
    expect(await signIn.result).toEqual({ account: antigravityTestAccount })
  })

  test('the callback page escapes the error it echoes, and the sign-in fails with it', async () => {
    const signIn = startSignIn()
    const redirectUri = new URL(await signIn.url).searchParams.get('redirect_uri')!
    const state = new URL(await signIn.url).searchParams.get('state')!
    const attack = new URL(redirectUri)
    attack.searchParams.set('state', state)
    attack.searchParams.set('error', '<script>alert(1)</script>')
    attack.searchParams.set('error_description', '"><img src=x onerror=alert(2)>')
    const page = await visit(attack.toString())
    expect(page.status).toBe(400)
    expect(page.text).not.toContain('<script>')
    expect(page.text).not.toContain('<img')
    expect(page.text).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(page.text).toContain('&#34;&#62;&#60;img src=x onerror=alert(2)&#62;')
    await expect(signIn.result).rejects.toThrow(/Google sign-in failed: <script>alert\(1\)<\/script>/)
    expect(await refused(redirectUri)).toBe(true)
  })

  test('the user refusing consent fails the sign-in (access_denied)', async () => {
    const signIn = startSignIn()
    kit.oauth.denyNext()
    const { location } = await consent(await signIn.url)
    expect(new URL(location).searchParams.get('error')).toBe('access_denied')
    expect((await visit(location)).status).toBe(400)
    await expect(signIn.result).rejects.toThrow(/access_denied/)
  })

  test('cancel closes the listener and rejects', async () => {
    const controller = new AbortController()
    const signIn = startSignIn({ signal: controller.signal })
    const redirectUri = new URL(await signIn.url).searchParams.get('redirect_uri')!
    controller.abort()
    await expect(signIn.result).rejects.toThrow(/cancelled/)
    expect(await refused(redirectUri)).toBe(true)
  })

  test('no browser coming back within the timeout fails the sign-in', async () => {
    const signIn = startSignIn({ timeoutMs: 150 })
    await signIn.url
    await expect(signIn.result).rejects.toThrow(/timed out/)
  })

  test('a wrong client secret: the exchange is refused (invalid_client) with a hint at the config', async () => {
    const signIn = startSignIn({ clientSecret: 'GOCSPX-wrong' })
    const { location } = await consent(await signIn.url)
    expect((await visit(location)).status).toBe(502)
    await expect(signIn.result).rejects.toThrow(/invalid_client.*clientId and clientSecret/)
  })

  test('signing in again replaces the tokens, and a running instance follows the new account', async () => {
    const secrets = testInstanceSecrets('ag')
    const first = startSignIn({ secrets })
    await visit((await consent(await first.url)).location)
    await first.result
    const before = (await readGoogleOAuthTokens(secrets))!
    const provider = kit.providerWith(secrets)
    const request = { model: 'mock-gemini', system: [], messages: [userText('hi')], stream: false }
    await provider.generate(request, callOptions())

    kit.oauth.signInAs('other@example.com')
    try {
      const second = startSignIn({ secrets })
      await visit((await consent(await second.url)).location)
      expect(await second.result).toEqual({ account: 'other@example.com' })
    } finally {
      kit.oauth.signInAs(antigravityTestAccount)
    }
    const after = (await readGoogleOAuthTokens(secrets))!
    expect(after.account).toBe('other@example.com')
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(after.refreshToken).not.toBe(before.refreshToken)

    await provider.generate(request, callOptions())
    const last = kit.cloudCode.requests.at(-1)!
    expect(last.headers.authorization).toBe(`Bearer ${after.accessToken}`)
    expect(last.body).toMatchObject({ project: kit.cloudCode.projectOf('other@example.com') })
  })

  test('no code, verifier or token appears in the sign-in’s log lines', async () => {
    const secrets = testInstanceSecrets('ag')
    const signIn = startSignIn({ secrets })
    const { location } = await consent(await signIn.url)
    const forged = new URL(location)
    forged.searchParams.set('state', 'wrong')
    await visit(forged.toString())
    await visit(location)
    await signIn.result
    const stored = (await readGoogleOAuthTokens(secrets))!
    const code = new URL(location).searchParams.get('code')!
    const log = signIn.logLines.join('')
    expect(log).toContain('signed in to Google')
    for (const secret of [code, stored.accessToken, stored.refreshToken, kit.config.clientSecret as string]) expect(log).not.toContain(secret)
  })
})
