import { pino } from 'pino'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startGithubMock, type GithubMock } from '../../test-support/mock-upstreams/github-mock'
import { createUpstreamHttpClient } from '../http/upstream-http-client'
import { createCopilotTokenSource } from './copilot-token-source'

let github: GithubMock
let clock = 1_800_000_000_000
const http = createUpstreamHttpClient({ allowLocalEndpoints: true })
beforeAll(async () => {
  github = await startGithubMock({ now: () => clock, copilotTokenSeconds: 1800, copilotRefreshInSeconds: 1500, copilotApiUrl: 'https://api.enterprise.githubcopilot.example/' })
})
afterAll(async () => {
  await github.close()
  await http.close()
})

function source(githubToken: string | undefined, random = () => 0.5) {
  return createCopilotTokenSource({ http, instanceId: 'cop', githubApiUrl: github.url, githubToken: async () => githubToken, logger: pino({ level: 'silent' }), now: () => clock, random })
}

test('refreshes ahead of expiry: refresh_in minus jitter, not at expires_at', async () => {
  const tokens = source(github.issueGithubToken())
  const first = await tokens.get()
  expect(first.apiUrl).toBe('https://api.enterprise.githubcopilot.example')
  clock += 1400_000
  expect((await tokens.get()).token).toBe(first.token)
  clock += 30_000 // 1430 s: past refresh_in (1500) minus 5% jitter (75 s)
  const second = await tokens.get()
  expect(second.token).not.toBe(first.token)
  expect(second.expiresAtMs).toBeGreaterThan(first.expiresAtMs)
})

test('concurrent callers share one exchange; invalidate forces a new one once', async () => {
  const tokens = source(github.issueGithubToken())
  const before = github.copilotTokensIssued()
  const all = await Promise.all([tokens.get(), tokens.get(), tokens.get()])
  expect(new Set(all.map((token) => token.token)).size).toBe(1)
  expect(github.copilotTokensIssued()).toBe(before + 1)
  tokens.invalidate(all[0]!.token)
  tokens.invalidate(all[0]!.token)
  await Promise.all([tokens.get(), tokens.get()])
  expect(github.copilotTokensIssued()).toBe(before + 2)
})

test('no GitHub token, or a revoked one, is a clear 401', async () => {
  await expect(source(undefined).get()).rejects.toMatchObject({ status: 401, code: 'not_signed_in', message: expect.stringMatching(/omnillm auth github-copilot --id cop/) })
  const revoked = github.issueGithubToken()
  github.revokeGithubToken(revoked)
  await expect(source(revoked).get()).rejects.toMatchObject({ status: 401, code: 'github_token_rejected' })
})
