import { startOpenAiChatMock } from '../mock-upstreams/openai-chat-mock'
import type { ConformanceUpstream } from './conformance-upstream'

export const openAiCompatibleUpstream: ConformanceUpstream = {
  name: 'openai-compatible',
  instanceId: 'oa',
  model: 'oa:mock-gpt',
  capabilities: { reportsStopSequence: false, reportsCacheWrite: false, signsReasoning: false },
  async start() {
    const apiKey = 'sk-upstream-openai-0123456789'
    const mock = await startOpenAiChatMock({ apiKey })
    return {
      provider: {
        id: 'oa',
        type: 'openai-compatible',
        baseUrl: mock.url,
        apiKey,
        models: ['mock-gpt', 'quirk-empty-choices', 'quirk-tool-stop', 'quirk-tooluse-ids', 'quirk-args-first-chunk'],
        priority: 0,
        enabled: true,
      },
      requests: mock.requests,
      close: () => mock.close(),
    }
  },
}
