import { setTimeout as sleepFor } from 'node:timers/promises'
import { z } from 'zod'
import { GatewayError } from '../../errors/gateway-error'
import { UpstreamError } from '../../errors/upstream-error'
import { parseUpstreamJson } from '../http/parse-upstream-json'
import { readUpstreamText } from '../http/read-upstream-text'
import type { SignInContext, SignInResult } from '../provider-definition'
import { deviceCodeGrantType, githubOAuthClientId, githubOAuthScope, githubTokenSecretName } from './copilot-constants'
import { accessTokenResponseSchema, deviceCodeResponseSchema, oauthErrorSchema } from './github-api'
import { fetchGithubLogin } from './fetch-github-login'
import { parseGithubCopilotConfig } from './parse-github-copilot-config'

export interface GithubDeviceFlowOptions {
  /** Waits between polls; tests pass one that records the waits and returns at once. */
  sleep?: (milliseconds: number, signal: AbortSignal) => Promise<void>
  now?: () => number
}

const slowDownStepSeconds = 5
const deviceCodeAnswerSchema = z.union([deviceCodeResponseSchema, oauthErrorSchema])

/**
 * GitHub's OAuth device flow (RFC 8628 as GitHub documents it): ask for a device code, show the user
 * code, poll the token endpoint every `interval` seconds (+5 on `slow_down`) until the user approves,
 * denies, or the code expires. The token goes to the instance's secrets; the account is `GET /user`'s login.
 */
export function createGithubDeviceFlow(options: GithubDeviceFlowOptions = {}): (context: SignInContext) => Promise<SignInResult> {
  const sleep = options.sleep ?? ((milliseconds, signal) => sleepFor(milliseconds, undefined, { signal }))
  const now = options.now ?? Date.now

  return async (context) => {
    const config = parseGithubCopilotConfig(context.config)
    const { instanceId } = config
    const post = async <T>(path: string, json: Record<string, string>, schema: z.ZodType<T>, what: string): Promise<T> => {
      const response = await context.http.request({
        instanceId,
        url: `${config.githubUrl}${path}`,
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        json,
        signal: context.signal,
      })
      const text = await readUpstreamText(response)
      if (response.status < 200 || response.status >= 300) {
        throw new UpstreamError({ instanceId, status: response.status, message: `GitHub refused the ${what} request (HTTP ${response.status}).`, body: text })
      }
      return parseUpstreamJson(instanceId, text, schema, what, 'GitHub')
    }

    const started = await post('/login/device/code', { client_id: githubOAuthClientId, scope: githubOAuthScope }, deviceCodeAnswerSchema, 'device code')
    if ('error' in started) throw signInFailed(started.error, `GitHub refused to start the sign-in: ${started.error}${started.error_description ? ` (${started.error_description})` : ''}.`)
    const device = started
    let intervalSeconds = device.interval ?? 5
    const expiresAtMs = now() + device.expires_in * 1000
    context.progress({ step: 'device-code', verificationUri: device.verification_uri, userCode: device.user_code, expiresAt: new Date(expiresAtMs).toISOString(), intervalSeconds })
    context.logger.info({ verificationUri: device.verification_uri, expiresInSeconds: device.expires_in }, 'GitHub device flow started; waiting for the user')

    for (;;) {
      await sleep(intervalSeconds * 1000, context.signal)
      if (now() >= expiresAtMs) throw signInFailed('expired_token', 'The GitHub device code expired before the sign-in was approved; start the sign-in again.')
      const answer = await post(
        '/login/oauth/access_token',
        { client_id: githubOAuthClientId, device_code: device.device_code, grant_type: deviceCodeGrantType },
        accessTokenResponseSchema,
        'access token',
      )
      if ('access_token' in answer) {
        await context.secrets.set(githubTokenSecretName, answer.access_token)
        const account = await fetchGithubLogin({ http: context.http, instanceId, githubApiUrl: config.githubApiUrl, githubToken: answer.access_token, signal: context.signal }).catch((error: unknown) => {
          context.logger.warn({ err: error }, 'signed in, but GitHub did not say who (GET /user failed)')
          return undefined
        })
        context.logger.info({ account }, 'GitHub sign-in succeeded; token stored in the secret store')
        return account ? { account } : {}
      }
      switch (answer.error) {
        case 'authorization_pending':
          continue
        case 'slow_down':
          intervalSeconds = Math.max(intervalSeconds + slowDownStepSeconds, answer.interval ?? 0)
          context.progress({ step: 'device-code', verificationUri: device.verification_uri, userCode: device.user_code, expiresAt: new Date(expiresAtMs).toISOString(), intervalSeconds })
          continue
        case 'expired_token':
          throw signInFailed('expired_token', 'The GitHub device code expired before the sign-in was approved; start the sign-in again.')
        case 'access_denied':
          throw signInFailed('access_denied', 'The GitHub sign-in was denied.')
        default:
          throw signInFailed(answer.error, `GitHub refused the sign-in: ${answer.error}${answer.error_description ? ` (${answer.error_description})` : ''}.`)
      }
    }
  }
}

function signInFailed(code: string, message: string): GatewayError {
  return new GatewayError({ status: 401, type: 'authentication', code, message })
}
