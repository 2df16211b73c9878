import { randomUUID } from 'node:crypto'
import { copilotEditorPluginVersion, copilotEditorVersion, copilotIntegrationId, copilotUserAgent, githubApiVersion } from './copilot-constants'

/** Headers for api.github.com calls made with the GitHub token (token exchange, user, quota). */
export function githubRequestHeaders(githubToken: string): Record<string, string> {
  return {
    accept: 'application/json',
    authorization: `token ${githubToken}`,
    'editor-version': copilotEditorVersion,
    'editor-plugin-version': copilotEditorPluginVersion,
    'user-agent': copilotUserAgent,
    'x-github-api-version': githubApiVersion,
  }
}

export type CopilotInitiator = 'user' | 'agent'

/** What one Copilot API call says about itself beyond the fixed editor identity. */
export interface CopilotCallTraits {
  initiator: CopilotInitiator
  /** Any image in the request: Copilot wants `copilot-vision-request: true`. */
  vision: boolean
}

/**
 * The headers the Copilot API requires on every call (it answers 400 without the editor identity) plus
 * the per-call ones: a fresh `x-request-id`, `copilot-vision-request` and `x-initiator`, which decides
 * whether the call counts as a premium request.
 */
export function copilotRequestHeaders(copilotToken: string, traits: CopilotCallTraits): Record<string, string> {
  return {
    authorization: `Bearer ${copilotToken}`,
    'copilot-integration-id': copilotIntegrationId,
    'editor-version': copilotEditorVersion,
    'editor-plugin-version': copilotEditorPluginVersion,
    'user-agent': copilotUserAgent,
    'openai-intent': 'conversation-panel',
    'x-github-api-version': githubApiVersion,
    'x-request-id': randomUUID(),
    'x-vscode-user-agent-library-version': 'electron-fetch',
    'x-initiator': traits.initiator,
    ...(traits.vision ? { 'copilot-vision-request': 'true' } : {}),
  }
}
