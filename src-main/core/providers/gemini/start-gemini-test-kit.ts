import { pino } from 'pino'
import type { CifMessage, CifRequest, CifStreamPart } from '../../cif'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { startGeminiMock, type GeminiMock, type GeminiMockOptions } from '../../test-support/mock-upstreams/gemini-mock'
import { createUpstreamHttpClient } from '../http/upstream-http-client'
import type { Provider, ProviderCallOptions } from '../provider-definition'
import { createGeminiProvider } from './gemini-provider'

export const geminiTestKey = 'AIzaSy-gemini-test-kit-0123456789'

export interface GeminiTestKit {
  mock: GeminiMock
  provider: Provider
  /** A provider of the same mock with other config fields. */
  providerWith(config: Partial<ProviderConfig>): Provider
  close(): Promise<void>
}

/** For tests: the strict mock on loopback and a `gemini` instance (id "ge") pointed at it. */
export async function startGeminiTestKit(options: GeminiMockOptions = {}): Promise<GeminiTestKit> {
  const mock = await startGeminiMock({ apiKey: geminiTestKey, ...options })
  const http = createUpstreamHttpClient({ allowLocalEndpoints: true })
  const providerWith = (config: Partial<ProviderConfig>) =>
    createGeminiProvider({
      config: { id: 'ge', type: 'gemini', baseUrl: mock.url, apiKey: geminiTestKey, priority: 0, enabled: true, ...config },
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
  return { model: 'mock-gemini', system: [], messages: [userText('hi')], stream: false, ...overrides }
}

export function callOptions(overrides: Partial<ProviderCallOptions> = {}): ProviderCallOptions {
  return { signal: new AbortController().signal, clientHeaders: {}, requestId: 'req-test', ...overrides }
}

export async function collectParts(stream: ReadableStream<CifStreamPart>): Promise<CifStreamPart[]> {
  const parts: CifStreamPart[] = []
  for await (const part of stream) parts.push(part)
  return parts
}
