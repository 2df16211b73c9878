import { closedPort } from './closed-port'
import { startOpenAiChatMock, type OpenAiChatMock } from './mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from './start-test-host'

export interface DeadLivePair {
  gateway: TestHost
  /** The OpenAI replica behind `live`. */
  mock: OpenAiChatMock
  close(): Promise<void>
}

/**
 * A gateway with two openai-compatible instances serving `model`: `dead` (a closed loopback port, so every
 * connection is refused) and `live` (the OpenAI replica), and a priority virtual model `virtualModel` that
 * tries `dead` first — the setting for failover and circuit-breaker tests.
 */
export async function startDeadLivePair(options: { model: string; virtualModel: string; settings?: Record<string, unknown> }): Promise<DeadLivePair> {
  const mock = await startOpenAiChatMock()
  const gateway = await startTestHost({
    config: {
      ...(options.settings ? { settings: options.settings } : {}),
      providers: [
        { id: 'dead', type: 'openai-compatible', baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, models: [options.model] },
        { id: 'live', type: 'openai-compatible', baseUrl: mock.url, models: [options.model] },
      ],
      virtualModels: [
        {
          id: options.virtualModel,
          strategy: 'priority',
          upstreams: [
            { provider: 'dead', model: options.model, priority: 0 },
            { provider: 'live', model: options.model, priority: 1 },
          ],
        },
      ],
    },
  })
  return {
    gateway,
    mock,
    close: async () => {
      await gateway.close()
      await mock.close()
    },
  }
}
