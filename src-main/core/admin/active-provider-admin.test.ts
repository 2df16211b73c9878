import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../test-support/start-test-host'

/** providers:list / get-active / set-active over HTTP, the switch's effect on routing, and its persistence. */
let mock: OpenAiChatMock
let config: unknown

beforeAll(async () => {
  mock = await startOpenAiChatMock()
  config = {
    providers: [
      { id: 'first', type: 'openai-compatible', baseUrl: mock.url, apiKey: 'sk-never-shown-1234', models: ['shared', 'claude-haiku-4-5'] },
      { id: 'second', type: 'openai-compatible', baseUrl: mock.url, models: ['shared', 'gpt-4o'] },
      { id: 'off', type: 'openai-compatible', baseUrl: mock.url, models: ['shared'], enabled: false },
    ],
  }
})
afterAll(() => mock.close())

async function admin(gateway: TestHost, channel: string, input?: unknown): Promise<unknown> {
  const response = await fetch(`${gateway.url}/api/admin/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
    body: input === undefined ? undefined : JSON.stringify(input),
  })
  return response.json()
}

function messages(gateway: TestHost, model: string): Promise<Response> {
  return fetch(`${gateway.url}/v1/messages`, {
    method: 'POST',
    headers: { 'x-api-key': gateway.apiKey, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ model, max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] }),
  })
}

describe('the admin contract', () => {
  let gateway: TestHost
  beforeAll(async () => {
    gateway = await startTestHost({ config })
  })
  afterAll(() => gateway.close())

  test('providers:list: every configured instance, no secrets; the first enabled one is active by default', async () => {
    const answer = await admin(gateway, 'providers:list')
    expect(answer).toEqual({
      ok: true,
      value: [
        { id: 'first', type: 'openai-compatible', enabled: true, active: true, signIn: false, usage: false },
        { id: 'second', type: 'openai-compatible', enabled: true, active: false, signIn: false, usage: false },
        { id: 'off', type: 'openai-compatible', enabled: false, active: false, signIn: false, usage: false },
      ],
    })
    expect(JSON.stringify(answer)).not.toContain('sk-never')
    expect(await admin(gateway, 'providers:get-active')).toEqual({ ok: true, value: { id: 'first' } })
  })

  test('an unknown or disabled id: unknown_provider, and nothing changes', async () => {
    expect(await admin(gateway, 'providers:set-active', { id: 'nope' })).toEqual({ ok: false, error: { code: 'unknown_provider', message: expect.stringContaining('no provider instance has the id "nope"') } })
    expect(await admin(gateway, 'providers:set-active', { id: 'off' })).toEqual({ ok: false, error: { code: 'unknown_provider', message: expect.stringContaining('"off" is disabled') } })
    expect(await admin(gateway, 'providers:set-active', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await admin(gateway, 'providers:get-active')).toEqual({ ok: true, value: { id: 'first' } })
  })

  test('set-active takes effect at once for bare names and aliases', async () => {
    expect((await messages(gateway, 'shared')).headers.get('x-omnillm-provider')).toBe('first')
    expect(await admin(gateway, 'providers:set-active', { id: 'second' })).toEqual({ ok: true, value: { id: 'second' } })
    const bare = await messages(gateway, 'shared')
    expect(bare.status).toBe(200)
    expect(bare.headers.get('x-omnillm-provider')).toBe('second')
    // Claude Code's haiku goes to the instance serving that family, even though it is not the active one.
    const alias = await messages(gateway, 'claude-haiku-4-5-20251001')
    expect(alias.headers.get('x-omnillm-provider')).toBe('first')
    expect(alias.headers.get('x-omnillm-model')).toBe('claude-haiku-4-5')
    // No opus anywhere: the active instance's first model.
    expect((await messages(gateway, 'claude-opus-4-8[1m]')).headers.get('x-omnillm-model')).toBe('shared')
    expect(((await admin(gateway, 'providers:list')) as { value: Array<{ id: string; active: boolean }> }).value.filter((entry) => entry.active).map((entry) => entry.id)).toEqual(['second'])
  })

  test("an unknown model: 404 in the caller's dialect with close matches", async () => {
    const anthropic = await messages(gateway, 'gpt-4')
    expect(anthropic.status).toBe(404)
    expect(await anthropic.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error', message: expect.stringContaining('Did you mean "gpt-4o"?') } })
    const openAi = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4', messages: [{ role: 'user', content: 'hi' }] }),
    })
    expect(openAi.status).toBe(404)
    expect(await openAi.json()).toMatchObject({ error: { code: 'model_not_found', message: expect.stringContaining('Did you mean "gpt-4o"?') } })
  })
})

describe('persistence', () => {
  const sharedDirs = () => {
    const root = mkdtempSync(join(tmpdir(), 'omnillm-restart-'))
    return { root, dirs: { dataDir: join(root, 'data'), configDir: join(root, 'config') } }
  }

  test('the choice survives a restart on the same data dir; a flag or env var still wins over it', async () => {
    const { root, dirs } = sharedDirs()
    const first = await startTestHost({ config, dirs })
    try {
      expect(await admin(first, 'providers:set-active', { id: 'second' })).toEqual({ ok: true, value: { id: 'second' } })
      await first.close()

      const again = await startTestHost({ config, dirs })
      expect(await admin(again, 'providers:get-active')).toEqual({ ok: true, value: { id: 'second' } })
      expect((await messages(again, 'shared')).headers.get('x-omnillm-provider')).toBe('second')
      await again.close()

      const flagged = await startTestHost({ config, dirs, flags: { activeProvider: 'first' } })
      expect(await admin(flagged, 'providers:get-active')).toEqual({ ok: true, value: { id: 'first' } })
      await flagged.close()

      const fromEnv = await startTestHost({ config, dirs, env: { OMNILLM_ACTIVE_PROVIDER: 'first' } })
      expect(await admin(fromEnv, 'providers:get-active')).toEqual({ ok: true, value: { id: 'first' } })
      await fromEnv.close()
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  test('a flag naming no enabled instance stops start-up; a stale stored value falls back with a warning', async () => {
    await expect(startTestHost({ config, flags: { activeProvider: 'off' } })).rejects.toThrow('--active-provider: "off" names no enabled provider instance (enabled: first, second)')
    const { root, dirs } = sharedDirs()
    const first = await startTestHost({ config, dirs })
    try {
      await admin(first, 'providers:set-active', { id: 'second' })
      await first.close()
      const withoutSecond = { providers: (config as { providers: Array<{ id: string }> }).providers.filter((provider) => provider.id !== 'second') }
      const again = await startTestHost({ config: withoutSecond, dirs })
      expect(await admin(again, 'providers:get-active')).toEqual({ ok: true, value: { id: 'first' } })
      expect(again.consoleLines.join('')).toContain('activeProvider "second" names no enabled provider instance; using "first"')
      await again.close()
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
