import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ProviderConfig } from '../config/gateway-config-schema'
import { StartupError } from '../errors/startup-error'
import { createUpstreamHttpClient } from '../providers/http/upstream-http-client'
import { providerDefinitions } from '../providers/registry'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost } from '../test-support/start-test-host'
import { createMemorySecretStore } from '../secrets/memory-secret-store'
import { createProviders } from './create-providers'

let mock: OpenAiChatMock
beforeAll(async () => {
  mock = await startOpenAiChatMock()
})
afterAll(() => mock.close())

const entry = (baseUrl: string, id = 'local'): ProviderConfig => ({ id, type: 'openai-compatible', baseUrl, priority: 0, enabled: true })
const create = (configs: ProviderConfig[], allowLocalEndpoints: boolean) => {
  const http = createUpstreamHttpClient({ allowLocalEndpoints })
  try {
    return createProviders({ configs, definitions: providerDefinitions, http, logger: pino({ level: 'silent' }), configFile: '/etc/omnillm.json', allowLocalEndpoints, secrets: createMemorySecretStore() })
  } finally {
    void http.close()
  }
}

describe('the SSRF check on create: every baseUrl at start-up', () => {
  test('a literal local address or localhost stops start-up naming the entry, the host and the fix', () => {
    const configs = [entry('https://api.openai.com/v1', 'cloud'), entry('http://0x7f.1:11434/v1')]
    expect(() => create(configs, false)).toThrow(StartupError)
    expect(() => create(configs, false)).toThrow(
      'Config file /etc/omnillm.json: providers.1.baseUrl points at 127.0.0.1, a loopback address; to use a local model server, start the gateway with --allow-local-endpoints (setting allowLocalEndpoints, or OMNILLM_ALLOW_LOCAL_ENDPOINTS=true)',
    )
    expect(() => create([entry('http://localhost:11434/v1')], false)).toThrow('providers.0.baseUrl points at localhost, a loopback address')
    expect(create(configs, true).map((provider) => provider.id)).toEqual(['cloud', 'local'])
  })

  test('metadata, credentials and other schemes are refused even with allowLocalEndpoints', () => {
    expect(() => create([entry('http://169.254.169.254/v1')], true)).toThrow('providers.0.baseUrl points at 169.254.169.254, a cloud metadata address; such addresses are never allowed')
    expect(() => create([entry('https://me:secret@api.example.com/v1')], true)).toThrow('providers.0.baseUrl carries credentials')
    expect(() => create([entry('https://me:secret@api.example.com/v1')], true)).not.toThrow(/secret/)
  })

  test('host names are not resolved at start-up, so an offline start works', () => {
    expect(create([entry('https://no-such-host.invalid/v1')], false)).toHaveLength(1)
  })
})

describe('the test host opts in to local endpoints; without the opt-in the loopback mock is refused', () => {
  test('a literal 127.0.0.1 baseUrl is a start-up error', async () => {
    const config = { providers: [{ id: 'local', type: 'openai-compatible', baseUrl: mock.url }] }
    await expect(startTestHost({ flags: { allowLocalEndpoints: false }, config })).rejects.toThrow(/providers\.0\.baseUrl points at 127\.0\.0\.1, a loopback address; .*--allow-local-endpoints/)

    expect(mock.requests).toEqual([])

    // With the opt-in (the test host's default) the setting reaches the upstream client too.
    const host = await startTestHost({ config })
    try {
      expect(host.host.config.settings.allowLocalEndpoints).toBe(true)
      const response = await fetch(`${host.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${host.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'local:mock-gpt', messages: [{ role: 'user', content: 'hi' }] }),
      })
      expect(response.status).toBe(200)
      expect(mock.requests.map((request) => request.path)).toEqual(['/v1/chat/completions'])
    } finally {
      await host.close()
    }
  })
})
