import { startKimiMock } from '../mock-upstreams/kimi-mock'
import type { ConformanceUpstream } from './conformance-upstream'

/**
 * Kimi (Moonshot): chat, Responses and AI SDK clients go through Chat Completions; Anthropic clients are
 * forwarded to the Anthropic-compatible endpoint, which reports the stop sequence and signs thinking.
 */
export const kimiUpstream: ConformanceUpstream = {
  name: 'kimi',
  instanceId: 'ki',
  model: 'ki:kimi-k2.6',
  capabilities: { reportsStopSequence: true, reportsCacheWrite: false, signsReasoning: true },
  async start() {
    const apiKey = 'sk-kimi-upstream-0123456789'
    const mock = await startKimiMock({ apiKey })
    return {
      provider: { id: 'ki', type: 'kimi', baseUrl: mock.url, apiKey, priority: 0, enabled: true },
      requests: mock.requests,
      close: () => mock.close(),
    }
  },
}
