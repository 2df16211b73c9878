/**
 * What the Copilot services expect a client to say about itself. Copilot serves only known editor
 * integrations, so these are the VS Code Copilot Chat values (as every Copilot proxy sends them).
 */
export const githubOAuthClientId = 'Iv1.b507a08c87ecfe98'
export const githubOAuthScope = 'read:user'
export const deviceCodeGrantType = 'urn:ietf:params:oauth:grant-type:device_code'

export const copilotChatVersion = '0.26.7'
export const copilotEditorVersion = 'vscode/1.99.3'
export const copilotEditorPluginVersion = `copilot-chat/${copilotChatVersion}`
export const copilotUserAgent = `GitHubCopilotChat/${copilotChatVersion}`
export const copilotIntegrationId = 'vscode-chat'
export const githubApiVersion = '2025-04-01'

export const defaultGithubUrl = 'https://github.com'
export const defaultGithubApiUrl = 'https://api.github.com'

/** The secret name the sign-in stores the GitHub token under (instance secrets: `provider:<id>:githubToken`). */
export const githubTokenSecretName = 'githubToken'

export type CopilotAccountType = 'individual' | 'business' | 'enterprise'

/** The Copilot API host per plan, used until a token exchange names one (`endpoints.api`). */
export function defaultCopilotApiUrl(accountType: CopilotAccountType): string {
  return accountType === 'individual' ? 'https://api.githubcopilot.com' : `https://api.${accountType}.githubcopilot.com`
}
