import { startAzureOpenAiMock } from '../mock-upstreams/azure-openai-mock'
import type { ConformanceUpstream } from './conformance-upstream'

/**
 * Azure OpenAI on its deployments surface: the client's `az:mock-gpt` reaches the deployment `prod-gpt`
 * (a name other than the model, so a missed mapping is a 404 DeploymentNotFound), with the default
 * api-version, through Azure's content-filter annotations.
 */
export const azureOpenAiUpstream: ConformanceUpstream = {
  name: 'azure-openai',
  instanceId: 'az',
  model: 'az:mock-gpt',
  capabilities: { reportsStopSequence: false, reportsCacheWrite: false, signsReasoning: false },
  async start() {
    const apiKey = 'azure-upstream-key-0123456789abcdef'
    const mock = await startAzureOpenAiMock({ apiKey, deployments: { 'prod-gpt': 'mock-gpt' } })
    return {
      provider: { id: 'az', type: 'azure-openai', baseUrl: mock.url, apiKey, deployments: { 'mock-gpt': 'prod-gpt' }, priority: 0, enabled: true },
      requests: mock.requests,
      close: () => mock.close(),
    }
  },
}
