import type { Logger } from 'pino'
import { GatewayError } from '../../errors/gateway-error'
import { UpstreamError } from '../../errors/upstream-error'
import { parseUpstreamJson } from '../http/parse-upstream-json'
import { readUpstreamText } from '../http/read-upstream-text'
import type { UpstreamHttpClient } from '../http/upstream-http-client'
import { githubRequestHeaders } from './copilot-headers'
import { copilotTokenResponseSchema } from './github-api'

export interface CopilotToken {
  token: string
  expiresAtMs: number
  /** `endpoints.api` of the exchange: where this account's Copilot API lives (enterprise seats differ). */
  apiUrl?: string
}

export interface CopilotTokenSource {
  /** A token that is valid now: the cached one, or a fresh exchange (concurrent callers share one). */
  get(): Promise<CopilotToken>
  /** The upstream refused `token` (401): the next get() exchanges again, unless another call already did. */
  invalidate(token: string): void
  /** The cached token, if any and not expired (for `GET /token`). */
  current(): CopilotToken | undefined
}

export interface CopilotTokenSourceOptions {
  http: UpstreamHttpClient
  instanceId: string
  githubApiUrl: string
  /** The GitHub token now (config/flag first, else the one sign-in stored); undefined: not signed in. */
  githubToken(): Promise<string | undefined>
  logger: Logger
  now?: () => number
  /** 0..1, for the refresh jitter. */
  random?: () => number
}

/** Never closer to expiry than this, whatever `refresh_in` says. */
const expiryMarginMs = 60_000
const exchangeTimeoutMs = 30_000

/**
 * The short-lived Copilot token, exchanged from the GitHub token at GET /copilot_internal/v2/token.
 * Refreshed lazily ahead of expiry: due `refresh_in` seconds after the exchange, minus up to 10% jitter
 * (so many gateways do not refresh in step), and never later than a minute before `expires_at`. A failed
 * refresh while the old token is still valid keeps the old one. No timer: nothing runs while idle.
 */
export function createCopilotTokenSource(options: CopilotTokenSourceOptions): CopilotTokenSource {
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const { instanceId } = options
  let cached: (CopilotToken & { refreshAtMs: number; githubToken: string }) | undefined
  let inflight: Promise<CopilotToken> | undefined

  async function exchange(githubToken: string): Promise<CopilotToken> {
    const response = await options.http.request({
      instanceId,
      url: `${options.githubApiUrl}/copilot_internal/v2/token`,
      headers: githubRequestHeaders(githubToken),
      signal: AbortSignal.timeout(exchangeTimeoutMs),
    })
    const text = await readUpstreamText(response)
    if (response.status !== 200) throw exchangeError(instanceId, response.status, text)
    const answer = parseUpstreamJson(instanceId, text, copilotTokenResponseSchema, 'Copilot token', 'GitHub')
    const fetchedAt = now()
    const expiresAtMs = answer.expires_at * 1000
    const refreshInMs = (answer.refresh_in ?? Math.max(0, (expiresAtMs - fetchedAt) / 1000 - 60)) * 1000
    const jitterMs = random() * refreshInMs * 0.1
    const refreshAtMs = Math.min(fetchedAt + refreshInMs - jitterMs, expiresAtMs - expiryMarginMs)
    const apiUrl = answer.endpoints?.api?.replace(/\/+$/, '') || undefined
    cached = { token: answer.token, expiresAtMs, refreshAtMs, githubToken, ...(apiUrl ? { apiUrl } : {}) }
    options.logger.debug({ expiresAt: new Date(expiresAtMs).toISOString(), refreshAt: new Date(refreshAtMs).toISOString(), apiUrl }, 'Copilot token exchanged')
    return cached
  }

  async function refresh(): Promise<CopilotToken> {
    const githubToken = await options.githubToken()
    if (!githubToken) {
      throw new GatewayError({
        status: 401,
        type: 'authentication',
        code: 'not_signed_in',
        message: `Provider "${instanceId}" (github-copilot) has no GitHub token: run \`omnillm auth github-copilot --id ${instanceId}\`, or set apiKey (or --github-token).`,
      })
    }
    const previous = cached
    try {
      return await exchange(githubToken)
    } catch (error) {
      if (previous && previous.githubToken === githubToken && previous.expiresAtMs - expiryMarginMs > now() && !isRejection(error)) {
        options.logger.warn({ err: error }, 'Copilot token refresh failed; the current token is still valid, using it')
        return previous
      }
      throw error
    }
  }

  return {
    async get() {
      const githubToken = cached ? await options.githubToken() : undefined
      if (cached && cached.githubToken === githubToken && now() < cached.refreshAtMs) return cached
      inflight ??= refresh().finally(() => (inflight = undefined))
      return inflight
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined
    },
    current: () => (cached && cached.expiresAtMs > now() ? cached : undefined),
  }
}

function isRejection(error: unknown): boolean {
  return UpstreamError.isUpstreamError(error) && (error.upstreamStatus === 401 || error.upstreamStatus === 403)
}

function exchangeError(instanceId: string, status: number, body: string): UpstreamError {
  const signIn = `sign in again with \`omnillm auth github-copilot --id ${instanceId}\``
  const message =
    status === 401
      ? `GitHub rejected the GitHub token of provider "${instanceId}" (revoked or expired); ${signIn}.`
      : status === 403 || status === 404
        ? `GitHub refused a Copilot token for provider "${instanceId}" (HTTP ${status}): the account has no active Copilot subscription, or the token lacks access; ${signIn}.`
        : `The Copilot token exchange of provider "${instanceId}" failed with HTTP ${status}.`
  return new UpstreamError({ instanceId, status, code: status === 401 ? 'github_token_rejected' : 'copilot_token_exchange_failed', message, body })
}
