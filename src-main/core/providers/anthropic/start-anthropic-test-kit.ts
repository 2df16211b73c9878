import type { CifRequest } from '../../cif'
import { startAnthropicMessagesMock, type AnthropicMessagesMock, type AnthropicMessagesMockOptions } from '../../test-support/mock-upstreams/anthropic-messages-mock'
import { startProviderTestKit, type ProviderTestKit } from '../../test-support/start-provider-test-kit'
import { userText } from '../../test-support/user-text'
import { createAnthropicProvider } from './anthropic-provider'

export const anthropicTestKey = 'sk-ant-test-kit-0123456789'

export type AnthropicTestKit = ProviderTestKit<AnthropicMessagesMock>

/** For tests: the strict mock on loopback and an `anthropic` instance (id "an") pointed at it. */
export function startAnthropicTestKit(options: AnthropicMessagesMockOptions = {}): Promise<AnthropicTestKit> {
  return startProviderTestKit({
    startMock: () => startAnthropicMessagesMock({ apiKey: anthropicTestKey, ...options }),
    config: { id: 'an', type: 'anthropic', apiKey: anthropicTestKey },
    create: createAnthropicProvider,
  })
}

/** For tests: a small valid request for the mock's model, with overrides. */
export function cifRequest(overrides: Partial<CifRequest> = {}): CifRequest {
  return { model: 'mock-claude', system: [], messages: [userText('hi')], maxOutputTokens: 1024, stream: false, ...overrides }
}
