import type { ProviderDefinition } from '../provider-definition'
import { createGithubCopilotProvider } from './create-github-copilot-provider'
import { createGithubDeviceFlow } from './github-device-flow'
import { githubCopilotSettings } from './github-copilot-settings'
import { parseGithubCopilotConfig } from './parse-github-copilot-config'

/** GitHub Copilot (`type: "github-copilot"`): a GitHub account's Copilot models, signed in by the device flow. */
export const githubCopilotProviderDefinition: ProviderDefinition = {
  type: 'github-copilot',
  label: 'GitHub Copilot',
  create: (context) => createGithubCopilotProvider(parseGithubCopilotConfig(context.config), context),
  settings: githubCopilotSettings,
  signIn: createGithubDeviceFlow(),
}

export { createGithubCopilotProvider } from './create-github-copilot-provider'
export { createGithubDeviceFlow, type GithubDeviceFlowOptions } from './github-device-flow'
export { githubTokenSecretName, type CopilotAccountType } from './copilot-constants'
export { githubCopilotFieldsSchema, parseGithubCopilotConfig, type GithubCopilotConfig } from './parse-github-copilot-config'
