import { pino } from 'pino'
import type { ProviderConfig } from '../config/gateway-config-schema'
import { createUpstreamHttpClient } from '../providers/http/upstream-http-client'
import type { Provider, ProviderContext } from '../providers/provider-definition'
import { testInstanceSecrets } from './test-instance-secrets'

/** What a provider test kit needs of a mock upstream. */
export interface TestKitMock {
  /** Becomes the instance's `baseUrl`. */
  url: string
  close(): Promise<void>
}

export interface ProviderTestKit<Mock extends TestKitMock> {
  mock: Mock
  provider: Provider
  /** A provider of the same mock with other config fields. */
  providerWith(config: Partial<ProviderConfig>): Provider
  close(): Promise<void>
}

export interface ProviderTestKitSetup<Mock extends TestKitMock> {
  startMock(): Promise<Mock>
  /** The instance's entry, apart from `baseUrl` (the mock's url), `priority` and `enabled`. */
  config: Pick<ProviderConfig, 'id' | 'type' | 'apiKey'>
  create(context: ProviderContext): Provider
}

/**
 * For tests: a mock upstream on loopback and an instance of a provider type pointed at it, through a real
 * upstream HTTP client that allows local endpoints and a silent logger. `close` closes both.
 */
export async function startProviderTestKit<Mock extends TestKitMock>(setup: ProviderTestKitSetup<Mock>): Promise<ProviderTestKit<Mock>> {
  const mock = await setup.startMock()
  const http = createUpstreamHttpClient({ allowLocalEndpoints: true })
  const providerWith = (config: Partial<ProviderConfig>) =>
    setup.create({
      config: { ...setup.config, baseUrl: mock.url, priority: 0, enabled: true, ...config },
      http,
      logger: pino({ level: 'silent' }),
      secrets: testInstanceSecrets(),
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
