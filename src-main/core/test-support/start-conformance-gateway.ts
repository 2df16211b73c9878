import { startAnthropicMessagesMock } from './mock-upstreams/anthropic-messages-mock'
import { startOpenAiChatMock } from './mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from './start-test-host'

/** The two upstream dialects the conformance matrix runs every client against. */
export const upstreams = [
  { name: 'openai-compatible', instanceId: 'oa', model: 'oa:mock-gpt' },
  { name: 'anthropic', instanceId: 'an', model: 'an:mock-claude' },
] as const

export type UpstreamName = (typeof upstreams)[number]['name']

export interface ConformanceGateway {
  gateway: TestHost
  openAiMock: Awaited<ReturnType<typeof startOpenAiChatMock>>
  anthropicMock: Awaited<ReturnType<typeof startAnthropicMessagesMock>>
  close(): Promise<void>
}

/**
 * A real gateway on loopback with one instance of each upstream dialect, each pointed at its strict
 * local mock (which rejects what the real API rejects). Clients then name `oa:…` or `an:…` models.
 */
export async function startConformanceGateway(): Promise<ConformanceGateway> {
  const openAiMock = await startOpenAiChatMock({ apiKey: 'sk-upstream-openai-0123456789' })
  const anthropicMock = await startAnthropicMessagesMock({ apiKey: 'sk-ant-upstream-0123456789' })
  const gateway = await startTestHost({
    config: {
      providers: [
        { id: 'oa', type: 'openai-compatible', baseUrl: openAiMock.url, apiKey: 'sk-upstream-openai-0123456789', models: ['mock-gpt', 'quirk-empty-choices', 'quirk-tool-stop', 'quirk-tooluse-ids', 'quirk-args-first-chunk'] },
        { id: 'an', type: 'anthropic', baseUrl: anthropicMock.url, apiKey: 'sk-ant-upstream-0123456789', models: ['mock-claude'] },
      ],
    },
  })
  return {
    gateway,
    openAiMock,
    anthropicMock,
    close: async () => {
      await gateway.close()
      await openAiMock.close()
      await anthropicMock.close()
    },
  }
}
