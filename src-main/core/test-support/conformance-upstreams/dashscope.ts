import { startDashScopeMock } from '../mock-upstreams/dashscope-mock'
import type { ConformanceUpstream } from './conformance-upstream'

/** DashScope (Alibaba Cloud Model Studio) through its OpenAI-compatible mode; qwen3-vl-plus: vision, tools, hybrid thinking. */
export const dashScopeUpstream: ConformanceUpstream = {
  name: 'dashscope',
  instanceId: 'ds',
  model: 'ds:qwen3-vl-plus',
  capabilities: { reportsStopSequence: false, reportsCacheWrite: false, signsReasoning: false },
  async start() {
    const apiKey = 'sk-dashscope-upstream-0123456789'
    const mock = await startDashScopeMock({ apiKey })
    return {
      provider: { id: 'ds', type: 'dashscope', baseUrl: mock.url, apiKey, priority: 0, enabled: true },
      requests: mock.requests,
      close: () => mock.close(),
    }
  },
}
