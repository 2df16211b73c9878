import { startGeminiMock } from '../mock-upstreams/gemini-mock'
import type { ConformanceUpstream } from './conformance-upstream'

export const geminiUpstream: ConformanceUpstream = {
  name: 'gemini',
  instanceId: 'ge',
  model: 'ge:mock-gemini',
  // Gemini says STOP for a matched stop sequence and reports cache reads only; the mock signs thoughts
  // and function calls when thinking is on, and verifies the signatures when they come back.
  capabilities: { reportsStopSequence: false, reportsCacheWrite: false, signsReasoning: true },
  async start() {
    const apiKey = 'AIzaSy-gemini-upstream-0123456789'
    const mock = await startGeminiMock({ apiKey })
    return {
      provider: { id: 'ge', type: 'gemini', baseUrl: mock.url, apiKey, models: ['mock-gemini'], priority: 0, enabled: true },
      requests: mock.requests,
      close: () => mock.close(),
    }
  },
}
