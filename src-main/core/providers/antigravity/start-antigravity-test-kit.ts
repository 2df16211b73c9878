import { pino, type Logger } from 'pino'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { startCloudCodeMock, type CloudCodeMock, type CloudCodeMockOptions } from '../../test-support/mock-upstreams/cloud-code-mock'
import { startGoogleOAuthMock, type GoogleOAuthMock, type GoogleOAuthMockOptions } from '../../test-support/mock-upstreams/google-oauth-mock'
import { testInstanceSecrets } from '../../test-support/test-instance-secrets'
import { createUpstreamHttpClient, type UpstreamHttpClient } from '../http/upstream-http-client'
import type { InstanceSecrets, Provider } from '../provider-definition'
import { createAntigravityProvider } from './antigravity-provider'
import { writeGoogleOAuthTokens } from './google-oauth-tokens'

export const antigravityTestClient = { clientId: '1234567890-mock.apps.googleusercontent.com', clientSecret: 'GOCSPX-mock-client-secret' }
export const antigravityTestAccount = 'someone@example.com'

export interface AntigravityTestKit {
  oauth: GoogleOAuthMock
  cloudCode: CloudCodeMock
  http: UpstreamHttpClient
  /** The `antigravity` entry (id "ag") pointed at both replicas. */
  config: ProviderConfig
  /** A provider signed in as `account` (fresh tokens from the OAuth replica), with its secrets. */
  signedIn(options?: { account?: string; lifetimeSeconds?: number; config?: Partial<ProviderConfig>; logger?: Logger }): Promise<{ provider: Provider; secrets: InstanceSecrets; accessToken: string; refreshToken: string }>
  providerWith(secrets: InstanceSecrets, config?: Partial<ProviderConfig>, logger?: Logger): Provider
  close(): Promise<void>
}

/** For tests: the Google OAuth and Cloud Code replicas on loopback and `antigravity` instances pointed at them. */
export async function startAntigravityTestKit(options: { oauth?: Partial<GoogleOAuthMockOptions>; cloudCode?: Omit<CloudCodeMockOptions, 'verifyAccessToken'> } = {}): Promise<AntigravityTestKit> {
  const oauth = await startGoogleOAuthMock({ ...antigravityTestClient, account: antigravityTestAccount, ...options.oauth })
  const cloudCode = await startCloudCodeMock({ verifyAccessToken: oauth.verifyAccessToken, ...options.cloudCode })
  const http = createUpstreamHttpClient({ allowLocalEndpoints: true })
  const config: ProviderConfig = { id: 'ag', type: 'antigravity', ...antigravityTestClient, authUrl: oauth.authUrl, tokenUrl: oauth.tokenUrl, baseUrl: cloudCode.url, priority: 0, enabled: true }
  const providerWith = (secrets: InstanceSecrets, overrides: Partial<ProviderConfig> = {}, logger: Logger = pino({ level: 'silent' })) =>
    createAntigravityProvider({ config: { ...config, ...overrides }, http, logger, secrets })
  return {
    oauth,
    cloudCode,
    http,
    config,
    async signedIn(setup = {}) {
      const account = setup.account ?? antigravityTestAccount
      const tokens = oauth.issueTokens(account, setup.lifetimeSeconds)
      const secrets = testInstanceSecrets('ag')
      await writeGoogleOAuthTokens(secrets, { ...tokens, account })
      return { provider: providerWith(secrets, setup.config, setup.logger), secrets, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }
    },
    providerWith,
    close: async () => {
      await http.close()
      await cloudCode.close()
      await oauth.close()
    },
  }
}
