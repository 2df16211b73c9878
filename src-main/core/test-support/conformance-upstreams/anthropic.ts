import { startAnthropicMessagesMock } from '../mock-upstreams/anthropic-messages-mock'
import type { ConformanceUpstream } from './conformance-upstream'

export const anthropicUpstream: ConformanceUpstream = {
  name: 'anthropic',
  instanceId: 'an',
  model: 'an:mock-claude',
  capabilities: { reportsStopSequence: true, reportsCacheWrite: true, signsReasoning: true },
  async start() {
    const apiKey = 'sk-ant-upstream-0123456789'
    const mock = await startAnthropicMessagesMock({ apiKey })
    return {
      provider: { id: 'an', type: 'anthropic', baseUrl: mock.url, apiKey, models: ['mock-claude'], priority: 0, enabled: true },
      requests: mock.requests,
      close: () => mock.close(),
    }
  },
}
