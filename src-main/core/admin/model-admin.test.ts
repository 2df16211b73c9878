import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startGeminiMock, type GeminiMock } from '../test-support/mock-upstreams/gemini-mock'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { rawRequest } from '../test-support/raw-request'
import { startTestHost, type TestHost } from '../test-support/start-test-host'

// The Models page's channels over the real HTTP transport: the catalogue with versions, toggles that take
// a model out of /v1/models and out of routing at once, kept in SQLite across a restart.
let gemini: GeminiMock
let openai: OpenAiChatMock
let root: string
let gateway: TestHost

const geminiKey = 'AIzaSy-model-admin-0123456789'
const config = () => ({
  providers: [
    { id: 'oa', type: 'openai-compatible', baseUrl: openai.url, models: ['gpt-4o', 'gpt-4o-mini'] },
    { id: 'ge', type: 'gemini', baseUrl: gemini.url, apiKey: geminiKey },
  ],
  virtualModels: [{ id: 'either', strategy: 'priority', upstreams: [{ provider: 'oa', model: 'gpt-4o' }, { provider: 'oa', model: 'gpt-4o-mini' }] }],
})
const start = () => startTestHost({ config: config(), dirs: { dataDir: join(root, 'data'), configDir: join(root, 'config') } })

async function admin(channel: string, input: unknown = {}) {
  const response = await rawRequest(`${gateway.url}/api/admin/${channel}`, { method: 'POST', headers: { authorization: `Bearer ${gateway.apiKey}` }, body: JSON.stringify(input) })
  return JSON.parse(response.body) as { ok: boolean; value: Array<{ instanceId: string; id: string; enabled: boolean; version: string | null }>; error?: { code: string; message: string } }
}
async function modelIds(): Promise<string[]> {
  const response = await rawRequest(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${gateway.apiKey}` } })
  return (JSON.parse(response.body) as { data: Array<{ id: string }> }).data.map((model) => model.id)
}
const chat = (model: string) =>
  rawRequest(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  })

beforeAll(async () => {
  gemini = await startGeminiMock({ apiKey: geminiKey })
  openai = await startOpenAiChatMock()
  root = mkdtempSync(join(tmpdir(), 'omnillm-models-'))
  gateway = await start()
})
afterAll(async () => {
  await gateway.close()
  await gemini.close()
  await openai.close()
  rmSync(root, { recursive: true, force: true })
})

describe('models:list and models:set-enabled', () => {
  test('lists every model of every instance in config order, with the upstream version where it gives one', async () => {
    const listed = (await admin('models:list')).value
    expect(listed.slice(0, 2)).toEqual([
      { instanceId: 'oa', id: 'gpt-4o', enabled: true, version: null, ownedBy: null, contextWindow: null },
      { instanceId: 'oa', id: 'gpt-4o-mini', enabled: true, version: null, ownedBy: null, contextWindow: null },
    ])
    expect(listed.find((model) => model.id === 'gemini-2.5-pro')).toMatchObject({ instanceId: 'ge', version: '001', enabled: true })
  })

  test('turning a model off takes it out of /v1/models and routing; a virtual model skips it; turning it on brings it back', async () => {
    expect((await admin('models:set-enabled', { instanceId: 'oa', model: 'gpt-4o', enabled: false })).value.find((model) => model.id === 'gpt-4o')!.enabled).toBe(false)
    const ids = await modelIds()
    expect(ids).not.toContain('gpt-4o')
    expect(ids).not.toContain('oa:gpt-4o')
    expect(ids).toContain('oa:gpt-4o-mini')

    const bare = await chat('gpt-4o')
    expect(bare.status).toBe(404)
    expect(JSON.parse(bare.body).error.code).toBe('model_not_found')
    const prefixed = await chat('oa:gpt-4o')
    expect(prefixed.status).toBe(404)
    expect(JSON.parse(prefixed.body).error).toMatchObject({ code: 'model_disabled', message: expect.stringContaining('turned off') })
    const virtual = await chat('either')
    expect(virtual.status).toBe(200)
    expect(virtual.headers['x-omnillm-model']).toBe('gpt-4o-mini')

    await admin('models:set-enabled', { instanceId: 'oa', model: 'gpt-4o', enabled: true })
    expect(await modelIds()).toContain('oa:gpt-4o')
    expect((await chat('gpt-4o')).status).toBe(200)
  })

  test('a toggle survives a restart (SQLite), and unknown models are refused', async () => {
    await admin('models:set-enabled', { instanceId: 'ge', model: 'gemini-2.5-pro', enabled: false })
    await gateway.host.stop()
    gateway = await start()
    expect((await admin('models:list')).value.find((model) => model.id === 'gemini-2.5-pro')).toMatchObject({ enabled: false })
    expect(await modelIds()).not.toContain('ge:gemini-2.5-pro')
    expect(await admin('models:set-enabled', { instanceId: 'ge', model: 'no-such-model', enabled: false })).toMatchObject({ ok: false, error: { code: 'unknown_model' } })
  })

  test('refresh asks the instances again instead of using the cached listing', async () => {
    const listings = () => gemini.requests.filter((request) => request.path.startsWith('/v1beta/models') && request.method === 'GET').length
    await admin('models:list')
    const before = listings()
    await admin('models:list')
    expect(listings()).toBe(before)
    await admin('models:list', { refresh: true })
    expect(listings()).toBe(before + 1)
  })
})
