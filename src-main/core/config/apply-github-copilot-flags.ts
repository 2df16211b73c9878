import { StartupError } from '../errors/startup-error'
import { providerConfigSchema, type ProviderConfig } from './gateway-config-schema'

const accountTypes = ['individual', 'business', 'enterprise']

/**
 * `omnillm start --github-token <token> -a <account-type>`: the flags apply to every github-copilot
 * instance of the config file (the flag wins over the file's apiKey/accountType); with none, they make
 * one implicit instance `github-copilot`. Without either flag the entries are left as they are.
 */
export function applyGithubCopilotFlags(providers: ProviderConfig[], flags: { githubToken?: string; accountType?: string }): ProviderConfig[] {
  const { githubToken, accountType } = flags
  if (githubToken === undefined && accountType === undefined) return providers
  if (accountType !== undefined && !accountTypes.includes(accountType)) {
    throw new StartupError(`--account-type: "${accountType}" is not one of ${accountTypes.join(', ')}`)
  }
  const overrides = { ...(githubToken !== undefined ? { apiKey: githubToken } : {}), ...(accountType !== undefined ? { accountType } : {}) }
  if (!providers.some((provider) => provider.type === 'github-copilot')) {
    if (providers.some((provider) => provider.id === 'github-copilot')) throw new StartupError('--github-token: the implicit instance id "github-copilot" is taken by another provider type')
    return [...providers, providerConfigSchema.parse({ id: 'github-copilot', type: 'github-copilot', ...overrides })]
  }
  return providers.map((provider) => (provider.type === 'github-copilot' ? { ...provider, ...overrides } : provider))
}
