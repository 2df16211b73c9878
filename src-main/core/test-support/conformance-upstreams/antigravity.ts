import { googleOAuthSecretName } from '../../providers/antigravity/google-oauth-tokens'
import { instanceSecretName } from '../../secrets/instance-secrets'
import { startCloudCodeMock } from '../mock-upstreams/cloud-code-mock'
import { startGoogleOAuthMock } from '../mock-upstreams/google-oauth-mock'
import type { ConformanceUpstream } from './conformance-upstream'

const account = 'conformance@example.com'

export const antigravityUpstream: ConformanceUpstream = {
  name: 'antigravity',
  instanceId: 'ag',
  model: 'ag:mock-gemini',
  // The inner requests and answers are Gemini's (the Gemini replica's validators and answers), so the
  // capabilities are Gemini's.
  capabilities: { reportsStopSequence: false, reportsCacheWrite: false, signsReasoning: true },
  async start() {
    const client = { clientId: '1234567890-conformance.apps.googleusercontent.com', clientSecret: 'GOCSPX-conformance-secret' }
    const oauth = await startGoogleOAuthMock({ ...client, account })
    const cloudCode = await startCloudCodeMock({ verifyAccessToken: oauth.verifyAccessToken, onboarded: [account] })
    // Signed in before the gateway starts, as `omnillm auth antigravity` would have left it.
    const tokens = oauth.issueTokens(account)
    return {
      // The project is named, so every client request is exactly one upstream request (discovery has its own tests).
      provider: { id: 'ag', type: 'antigravity', ...client, authUrl: oauth.authUrl, tokenUrl: oauth.tokenUrl, baseUrl: cloudCode.url, project: cloudCode.projectOf(account), models: ['mock-gemini'], priority: 0, enabled: true },
      requests: cloudCode.requests,
      secrets: { [instanceSecretName('ag', googleOAuthSecretName)]: JSON.stringify({ ...tokens, account }) },
      close: async () => {
        await cloudCode.close()
        await oauth.close()
      },
    }
  },
}
