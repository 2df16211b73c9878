import { startCopilotReplicas } from '../mock-upstreams/copilot-replicas'
import type { ConformanceUpstream } from './conformance-upstream'

/** GitHub Copilot, a Chat Completions model: every client goes through the token exchange and /chat/completions. */
export const githubCopilotChatUpstream: ConformanceUpstream = {
  name: 'github-copilot',
  instanceId: 'cop',
  model: 'cop:gpt-4.1',
  capabilities: { reportsStopSequence: false, reportsCacheWrite: false, signsReasoning: false },
  async start() {
    const replicas = await startCopilotReplicas()
    return {
      provider: { ...replicas.provider({ id: 'cop' }), models: ['gpt-4.1'], priority: 0, enabled: true },
      requests: replicas.copilot.requests,
      close: () => replicas.close(),
    }
  },
}

/** GitHub Copilot, a Claude model: served on Copilot's native /v1/messages, so thinking signatures and cache writes survive. */
export const githubCopilotClaudeUpstream: ConformanceUpstream = {
  name: 'github-copilot-claude',
  instanceId: 'copc',
  model: 'copc:claude-sonnet-4.5',
  capabilities: { reportsStopSequence: true, reportsCacheWrite: true, signsReasoning: true },
  async start() {
    const replicas = await startCopilotReplicas()
    return {
      provider: { ...replicas.provider({ id: 'copc' }), models: ['claude-sonnet-4.5'], priority: 0, enabled: true },
      requests: replicas.copilot.requests,
      close: () => replicas.close(),
    }
  },
}
