import { pino } from 'pino'
import type { CifMessage, CifRequest, CifStreamPart } from '../../cif'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { startAnthropicMessagesMock, type AnthropicMessagesMock, type AnthropicMessagesMockOptions } from '../../test-support/mock-upstreams/anthropic-messages-mock'
import { createUpstreamHttpClient } from '../http/upstream-http-client'
import type { Provider, ProviderCallOptions } from '../provider-definition'
import { createAnthropicProvider } from './anthropic-provider'

export const anthropicTestKey = 'sk-ant-test-kit-0123456789'

export interface AnthropicTestKit {
  mock: AnthropicMessagesMock
  provider: Provider
  /** A provider of the same mock with other config fields. */
  providerWith(config: Partial<ProviderConfig>): Provider
  close(): Promise<void>
}

/** For tests: the strict mock on loopback and an `anthropic` instance (id "an") pointed at it. */
export async function startAnthropicTestKit(options: AnthropicMessagesMockOptions = {}): Promise<AnthropicTestKit> {
  const mock = await startAnthropicMessagesMock({ apiKey: anthropicTestKey, ...options })
  const http = createUpstreamHttpClient({ allowLocalEndpoints: true })
  const providerWith = (config: Partial<ProviderConfig>) =>
    createAnthropicProvider({
      config: { id: 'an', type: 'anthropic', baseUrl: mock.url, apiKey: anthropicTestKey, priority: 0, enabled: true, ...config },
      http,
      logger: pino({ level: 'silent' }),
    })
  return {
    mock,
    provider: providerWith({}),
    providerWith,
    close: async () => {
      await http.close()
      await mock.close()
    },
  }
}

export function userText(text: string): CifMessage {
  return { role: 'user', content: [{ type: 'text', text }] }
}

export function cifRequest(overrides: Partial<CifRequest> = {}): CifRequest {
  return { model: 'mock-claude', system: [], messages: [userText('hi')], maxOutputTokens: 1024, stream: false, ...overrides }
}

export function callOptions(overrides: Partial<ProviderCallOptions> = {}): ProviderCallOptions {
  return { signal: new AbortController().signal, clientHeaders: {}, requestId: 'req-test', ...overrides }
}

export async function collectParts(stream: ReadableStream<CifStreamPart>): Promise<CifStreamPart[]> {
  const parts: CifStreamPart[] = []
  for await (const part of stream) parts.push(part)
  return parts
}
