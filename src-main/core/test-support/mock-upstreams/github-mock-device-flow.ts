import { randomBytes } from 'node:crypto'
import { Hono, type Context } from 'hono'

export interface GithubDeviceFlowState {
  deviceCode: string
  userCode: string
  state: 'pending' | 'approved' | 'denied' | 'expired' | 'used'
  expiresAtMs: number
  polls: number
  lastPollAtMs?: number
}

const grantType = 'urn:ietf:params:oauth:grant-type:device_code'
const errorUri = 'https://docs.github.com/developers/apps/authorizing-oauth-apps#error-codes-for-the-device-flow'
const descriptions: Record<string, string> = {
  authorization_pending: 'The authorization request is still pending.',
  slow_down: 'Too many requests have been made in the same timeframe.',
  expired_token: 'The device code has expired.',
  unsupported_grant_type: 'The grant type is not supported.',
  incorrect_client_credentials: 'The client_id and/or client_secret passed are incorrect.',
  incorrect_device_code: 'The device_code provided is not valid.',
  access_denied: 'The authorization request was denied.',
}

/** GitHub's form parameters: a JSON or form-encoded body (or the query string, which GitHub also reads). */
async function readParams(c: Context): Promise<Record<string, string>> {
  const params: Record<string, string> = Object.fromEntries(new URL(c.req.url).searchParams)
  const text = await c.req.text()
  if (text.trim() === '') return params
  if ((c.req.header('content-type') ?? '').includes('application/json')) {
    try {
      const json = JSON.parse(text) as Record<string, unknown>
      for (const [name, value] of Object.entries(json)) if (typeof value === 'string') params[name] = value
    } catch {
      // GitHub ignores a body it cannot read; the missing parameters then answer for it
    }
    return params
  }
  return { ...params, ...Object.fromEntries(new URLSearchParams(text)) }
}

/** GitHub answers JSON only when asked (Accept: application/json); otherwise form-encoded. */
function answer(c: Context, body: Record<string, string | number>): Response {
  if ((c.req.header('accept') ?? '').includes('application/json')) return c.json(body, 200)
  return c.body(new URLSearchParams(Object.entries(body).map(([name, value]): [string, string] => [name, String(value)])).toString(), 200, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' })
}

function oauthError(c: Context, error: string, extra: Record<string, number> = {}): Response {
  return answer(c, { error, error_description: descriptions[error] ?? error, error_uri: errorUri, ...extra })
}

export function githubDeviceFlowRoutes(options: {
  clientId: string
  interval: number
  expiresIn: number
  approveAfterPolls?: number
  issueToken(): string
  now(): number
}) {
  const flows: GithubDeviceFlowState[] = []
  let slowDowns = 0
  const routes = new Hono()

  routes.post('/login/device/code', async (c) => {
    const params = await readParams(c)
    if (params.client_id !== options.clientId) return oauthError(c, 'incorrect_client_credentials')
    const userCode = `${randomBytes(2).toString('hex').toUpperCase()}-${randomBytes(2).toString('hex').toUpperCase()}`
    const flow: GithubDeviceFlowState = { deviceCode: randomBytes(20).toString('hex'), userCode, state: 'pending', expiresAtMs: options.now() + options.expiresIn * 1000, polls: 0 }
    flows.push(flow)
    return answer(c, { device_code: flow.deviceCode, user_code: userCode, verification_uri: 'https://github.com/login/device', expires_in: options.expiresIn, interval: options.interval })
  })

  routes.post('/login/oauth/access_token', async (c) => {
    const params = await readParams(c)
    if (params.client_id !== options.clientId) return oauthError(c, 'incorrect_client_credentials')
    if (params.grant_type !== grantType) return oauthError(c, 'unsupported_grant_type')
    const flow = flows.find((candidate) => candidate.deviceCode === params.device_code)
    if (!flow || flow.state === 'used') return oauthError(c, 'incorrect_device_code')
    const now = options.now()
    if (flow.state === 'expired' || now >= flow.expiresAtMs) {
      flow.state = 'expired'
      return oauthError(c, 'expired_token')
    }
    if (flow.state === 'denied') return oauthError(c, 'access_denied')
    const tooSoon = flow.lastPollAtMs !== undefined && now - flow.lastPollAtMs < options.interval * 1000
    flow.lastPollAtMs = now
    flow.polls += 1
    if (slowDowns > 0 || tooSoon) {
      slowDowns = Math.max(0, slowDowns - 1)
      return oauthError(c, 'slow_down', { interval: options.interval + 5 })
    }
    if (flow.state === 'pending' && options.approveAfterPolls !== undefined && flow.polls > options.approveAfterPolls) flow.state = 'approved'
    if (flow.state === 'pending') return oauthError(c, 'authorization_pending')
    flow.state = 'used'
    return answer(c, { access_token: options.issueToken(), token_type: 'bearer', scope: 'read:user' })
  })

  return {
    routes,
    flows,
    set(userCode: string, state: GithubDeviceFlowState['state']) {
      const flow = flows.find((candidate) => candidate.userCode === userCode)
      if (!flow) throw new Error(`no device code with user code ${userCode}`)
      flow.state = state
    },
    slowDownNext(count: number) {
      slowDowns = count
    },
  }
}
