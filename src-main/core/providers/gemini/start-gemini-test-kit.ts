import type { CifRequest } from '../../cif'
import { startGeminiMock, type GeminiMock, type GeminiMockOptions } from '../../test-support/mock-upstreams/gemini-mock'
import { startProviderTestKit, type ProviderTestKit } from '../../test-support/start-provider-test-kit'
import { userText } from '../../test-support/user-text'
import { createGeminiProvider } from './gemini-provider'

export const geminiTestKey = 'AIzaSy-gemini-test-kit-0123456789'

export type GeminiTestKit = ProviderTestKit<GeminiMock>

/** For tests: the strict mock on loopback and a `gemini` instance (id "ge") pointed at it. */
export function startGeminiTestKit(options: GeminiMockOptions = {}): Promise<GeminiTestKit> {
  return startProviderTestKit({
    startMock: () => startGeminiMock({ apiKey: geminiTestKey, ...options }),
    config: { id: 'ge', type: 'gemini', apiKey: geminiTestKey },
    create: createGeminiProvider,
  })
}

/** For tests: a small valid request for the mock's model, with overrides. */
export function cifRequest(overrides: Partial<CifRequest> = {}): CifRequest {
  return { model: 'mock-gemini', system: [], messages: [userText('hi')], stream: false, ...overrides }
}
