import type { ProviderSettingsDescriptor } from '../provider-settings-descriptor'
import { defaultGithubApiUrl, defaultGithubUrl } from './copilot-constants'
import { instanceTimeoutSettings, nonStreamingFallbackSetting } from '../common-instance-settings'

/** A `github-copilot` entry's form. */
export const githubCopilotSettings: ProviderSettingsDescriptor = {
  fields: [
    {
      name: 'apiKey',
      label: 'GitHub token',
      description: 'A GitHub OAuth token of an account with Copilot. Leave empty and sign in instead (omnillm auth github-copilot, or Sign in here); the token is then kept in the secret store.',
      kind: 'secret',
    },
    {
      name: 'accountType',
      label: 'Account type',
      description: 'The Copilot plan; picks the API host until the token exchange names one (enterprise seats).',
      kind: 'choice',
      choices: ['individual', 'business', 'enterprise'],
      default: 'individual',
    },
    {
      name: 'baseUrl',
      label: 'Copilot API URL',
      description: 'Pins the Copilot API host. Unset: the host the token exchange names (endpoints.api), else the account type’s default.',
      kind: 'url',
      placeholder: 'https://api.githubcopilot.com',
    },
    {
      name: 'githubUrl',
      label: 'GitHub URL',
      description: 'GitHub’s web host, for the sign-in (GitHub Enterprise Server: your host).',
      kind: 'url',
      default: defaultGithubUrl,
    },
    {
      name: 'githubApiUrl',
      label: 'GitHub API URL',
      description: 'GitHub’s REST API, for the token exchange and the quota report.',
      kind: 'url',
      default: defaultGithubApiUrl,
    },
    {
      name: 'smallModel',
      label: 'Small model',
      description: 'Claude Code’s warm-up, title and compaction calls go to this model (for example gpt-5-mini) so they spend no premium requests.',
      kind: 'text',
    },
    {
      name: 'models',
      label: 'Models',
      description: 'The models this instance serves; empty: Copilot’s own /models list.',
      kind: 'string-list',
    },
    {
      name: 'reasoningFirstByteTimeoutMs',
      label: 'Reasoning first-byte timeout (ms)',
      description: 'How long long-reasoning models (o-series, GPT-5, Opus, high effort) may think before their first byte.',
      kind: 'number',
      default: 300_000,
    },
    nonStreamingFallbackSetting(false),
    ...instanceTimeoutSettings,
  ],
}
