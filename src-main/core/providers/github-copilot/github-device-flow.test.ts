import { pino } from 'pino'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { providerConfigSchema } from '../../config/gateway-config-schema'
import { startGithubMock, githubCopilotClientId, type GithubMock } from '../../test-support/mock-upstreams/github-mock'
import { testInstanceSecrets } from '../../test-support/test-instance-secrets'
import { createUpstreamHttpClient } from '../http/upstream-http-client'
import type { SignInProgress } from '../provider-definition'
import { createGithubDeviceFlow } from './github-device-flow'

/** The device flow against the strict GitHub replica; waits are recorded, never slept. */
let github: GithubMock
/** One clock for the replica and the flow: a recorded wait moves it on, so GitHub sees the interval honoured. */
let clock = Date.now()
const http = createUpstreamHttpClient({ allowLocalEndpoints: true })
beforeAll(async () => {
  github = await startGithubMock({ interval: 5, now: () => clock })
})
afterAll(async () => {
  await github.close()
  await http.close()
})
let controller = new AbortController()
afterEach(() => controller.abort())

function run(onWait: (waits: number[], progress: SignInProgress[]) => void = () => {}) {
  controller = new AbortController()
  const waits: number[] = []
  const progress: SignInProgress[] = []
  const secrets = testInstanceSecrets('cop')
  const flow = createGithubDeviceFlow({
    now: () => clock,
    sleep: async (milliseconds) => {
      waits.push(milliseconds)
      clock += milliseconds
      onWait(waits, progress)
      await new Promise((resolve) => setImmediate(resolve))
    },
  })
  const config = providerConfigSchema.parse({ id: 'cop', type: 'github-copilot', githubUrl: github.url, githubApiUrl: github.url })
  const result = flow({ config, http, logger: pino({ level: 'silent' }), secrets, signal: controller.signal, progress: (update) => progress.push(update) })
  return { result, waits, progress, secrets }
}

const userCodeOf = (progress: SignInProgress[]) => (progress[0] as Extract<SignInProgress, { step: 'device-code' }>).userCode

test('shows the code, honours interval and slow_down (+5 s), stores the token and names the account', async () => {
  github.slowDownNext(1)
  const { result, waits, progress, secrets } = run((list, shown) => {
    if (list.length === 3) github.approve(userCodeOf(shown))
  })
  await expect(result).resolves.toEqual({ account: 'octocat' })
  expect(progress[0]).toMatchObject({ step: 'device-code', verificationUri: 'https://github.com/login/device', intervalSeconds: 5 })
  expect(progress.at(-1)).toMatchObject({ intervalSeconds: 10 })
  expect(waits).toEqual([5000, 10_000, 10_000])
  expect(await secrets.get('githubToken')).toMatch(/^gho_/)
})

test('an expired code ends the sign-in with a clear message', async () => {
  const { result } = run((_waits, shown) => github.expire(userCodeOf(shown)))
  await expect(result).rejects.toMatchObject({ code: 'expired_token', message: expect.stringMatching(/expired before the sign-in was approved/) })
})

test('a denied sign-in says so', async () => {
  const { result, secrets } = run((_waits, shown) => github.deny(userCodeOf(shown)))
  await expect(result).rejects.toMatchObject({ code: 'access_denied', message: 'The GitHub sign-in was denied.' })
  expect(await secrets.get('githubToken')).toBeUndefined()
})

test('cancelling stops the polling', async () => {
  const { result, waits } = run((list) => {
    if (list.length === 2) controller.abort()
  })
  await expect(result).rejects.toThrow()
  const polls = github.requests.filter((request) => request.path === '/login/oauth/access_token').length
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(github.requests.filter((request) => request.path === '/login/oauth/access_token').length).toBe(polls)
  expect(waits.length).toBe(2)
})

test('the replica answers like GitHub: 200 with an error for a bad client_id, grant_type or device_code', async () => {
  const post = async (path: string, body: Record<string, string>, accept = 'application/json') => {
    const response = await fetch(`${github.url}${path}`, { method: 'POST', headers: { accept, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    return { status: response.status, text: await response.text() }
  }
  expect(await post('/login/device/code', { client_id: 'Iv1.nope' })).toMatchObject({ status: 200, text: expect.stringContaining('"error":"incorrect_client_credentials"') })
  const grant = 'urn:ietf:params:oauth:grant-type:device_code'
  expect(await post('/login/oauth/access_token', { client_id: githubCopilotClientId, device_code: 'x', grant_type: 'password' })).toMatchObject({ status: 200, text: expect.stringContaining('unsupported_grant_type') })
  expect(await post('/login/oauth/access_token', { client_id: githubCopilotClientId, grant_type: grant })).toMatchObject({ status: 200, text: expect.stringContaining('incorrect_device_code') })
  // Without Accept: application/json GitHub answers form-encoded.
  expect((await post('/login/device/code', { client_id: 'Iv1.nope' }, '*/*')).text).toMatch(/^error=incorrect_client_credentials&/)
})
