import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { Hono, type Context } from 'hono'
import { listenOnLoopback } from './listen-on-loopback'
import { readHonoMockRequest } from './read-hono-mock-request'
import type { RecordedOpenAiRequest } from './openai-chat-mock'
import { githubDeviceFlowRoutes, type GithubDeviceFlowState } from './github-mock-device-flow'

export interface GithubMockOptions {
  /** The OAuth app's client id the device flow accepts (default: the Copilot app's). */
  clientId?: string
  /** `interval` of new device codes, in seconds (default 0: tests never sleep). */
  interval?: number
  /** `expires_in` of new device codes, in seconds (default 900). */
  expiresIn?: number
  /** Approve a device code by itself after this many pending polls (default: only `approve()` does). */
  approveAfterPolls?: number
  /** `endpoints.api` of the Copilot token (the Copilot API replica). */
  copilotApiUrl?: string
  /** Copilot token lifetime and `refresh_in`, in seconds (defaults 1800 / 1500, GitHub's values). */
  copilotTokenSeconds?: number
  copilotRefreshInSeconds?: number
  login?: string
  now?: () => number
}

export type CopilotTokenCheck = 'valid' | 'expired' | 'unknown'

export interface GithubMock {
  /** Serves both github.com's device flow and api.github.com's routes. */
  url: string
  requests: RecordedOpenAiRequest[]
  /** A GitHub token as if the user had signed in before (for `apiKey` in configs). */
  issueGithubToken(): string
  revokeGithubToken(token: string): void
  /** The device codes shown so far, newest last. */
  deviceFlows: GithubDeviceFlowState[]
  approve(userCode: string): void
  deny(userCode: string): void
  expire(userCode: string): void
  /** The next N polls of any code answer `slow_down`. */
  slowDownNext(count: number): void
  /** For the Copilot API replica: is this Copilot token one we issued, and still valid? */
  checkCopilotToken(token: string): CopilotTokenCheck
  /** Every Copilot token issued so far expires now (the Copilot API answers 401 to them). */
  expireCopilotTokens(): void
  copilotTokensIssued(): number
  close(): Promise<void>
}

export const githubCopilotClientId = 'Iv1.b507a08c87ecfe98'

/**
 * A strict local GitHub for the Copilot provider: the OAuth device flow (github.com/login/device/code,
 * /login/oauth/access_token — 200 with an `error` field while pending, on slow_down, expiry, denial, a
 * wrong client_id, grant_type or device_code, as GitHub answers), and api.github.com's `GET /user`,
 * `GET /copilot_internal/v2/token` (401 for a bad or revoked token) and `GET /copilot_internal/user`.
 */
export async function startGithubMock(options: GithubMockOptions = {}): Promise<GithubMock> {
  const now = options.now ?? Date.now
  const requests: RecordedOpenAiRequest[] = []
  const githubTokens = new Set<string>()
  const copilotTokens = new Map<string, { expiresAtMs: number }>()
  const login = options.login ?? 'octocat'
  const app = new Hono()

  const issueGithubToken = () => {
    const token = `gho_${randomBytes(18).toString('hex')}`
    githubTokens.add(token)
    return token
  }
  const device = githubDeviceFlowRoutes({
    clientId: options.clientId ?? githubCopilotClientId,
    interval: options.interval ?? 0,
    expiresIn: options.expiresIn ?? 900,
    ...(options.approveAfterPolls !== undefined ? { approveAfterPolls: options.approveAfterPolls } : {}),
    issueToken: issueGithubToken,
    now,
  })

  app.use(async (c, next) => {
    requests.push(await readHonoMockRequest(c))
    await next()
  })
  app.route('/', device.routes)

  const authorized = (c: Context): string | undefined => {
    const token = /^(?:token|Bearer) (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    return token && githubTokens.has(token) ? token : undefined
  }
  const badCredentials = (c: Context) => c.json({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' }, 401)

  app.get('/user', (c) => (authorized(c) ? c.json({ login, id: 583231, type: 'User', name: 'The Octocat' }) : badCredentials(c)))

  app.get('/copilot_internal/v2/token', (c) => {
    if (!authorized(c)) return badCredentials(c)
    const lifetime = options.copilotTokenSeconds ?? 1800
    const issuedAt = Math.floor(now() / 1000)
    const token = `tid=${randomBytes(16).toString('hex')};exp=${issuedAt + lifetime};sku=copilot_for_business_seat;proxy-ep=proxy.githubcopilot.com:${randomBytes(16).toString('hex')}`
    copilotTokens.set(token, { expiresAtMs: (issuedAt + lifetime) * 1000 })
    return c.json({
      token,
      expires_at: issuedAt + lifetime,
      refresh_in: options.copilotRefreshInSeconds ?? 1500,
      endpoints: { api: options.copilotApiUrl ?? 'https://api.githubcopilot.com', proxy: 'https://proxy.githubcopilot.com', telemetry: 'https://telemetry.githubcopilot.com' },
      sku: 'copilot_for_business_seat',
      chat_enabled: true,
      annotations_enabled: true,
    })
  })

  app.get('/copilot_internal/user', (c) => {
    if (!authorized(c)) return badCredentials(c)
    return c.json({
      login,
      access_type_sku: 'free_limited_copilot',
      copilot_plan: 'individual',
      chat_enabled: true,
      quota_reset_date: '2026-12-01',
      quota_snapshots: {
        chat: { entitlement: 0, remaining: 0, percent_remaining: 100, unlimited: true, overage_count: 0, overage_permitted: false, quota_id: 'chat' },
        completions: { entitlement: 0, remaining: 0, percent_remaining: 100, unlimited: true, overage_count: 0, overage_permitted: false, quota_id: 'completions' },
        premium_interactions: { entitlement: 300, remaining: 255, percent_remaining: 85, unlimited: false, overage_count: 0, overage_permitted: false, quota_id: 'premium_interactions' },
      },
    })
  })

  app.notFound((c) => c.json({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }, 404))

  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  const listener = await listenOnLoopback(server)
  return {
    url: listener.origin,
    requests,
    issueGithubToken,
    revokeGithubToken: (token) => void githubTokens.delete(token),
    deviceFlows: device.flows,
    approve: (userCode) => device.set(userCode, 'approved'),
    deny: (userCode) => device.set(userCode, 'denied'),
    expire: (userCode) => device.set(userCode, 'expired'),
    slowDownNext: (count) => device.slowDownNext(count),
    checkCopilotToken(token) {
      const found = copilotTokens.get(token)
      if (!found) return 'unknown'
      return found.expiresAtMs > now() ? 'valid' : 'expired'
    },
    expireCopilotTokens() {
      for (const token of copilotTokens.values()) token.expiresAtMs = 0
    },
    copilotTokensIssued: () => copilotTokens.size,
    close: listener.close,
  }
}
