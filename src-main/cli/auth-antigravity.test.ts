import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startGatewayHost } from '../core'
import { createSettingsRepository, openDatabase } from '../core/store'
import { startAntigravityTestKit, type AntigravityTestKit } from '../core/providers/antigravity/start-antigravity-test-kit'
import { runAuthCommand } from './auth-command'

/** `omnillm auth antigravity` end to end: the URL is printed, "the browser" consents, the token is kept; `omnillm start` then uses it. */
let kit: AntigravityTestKit
let root: string
let dataDir: string
let configDir: string
beforeAll(async () => {
  kit = await startAntigravityTestKit()
  root = mkdtempSync(join(tmpdir(), 'omnillm-auth-ag-'))
  dataDir = join(root, 'data')
  configDir = join(root, 'config')
  mkdirSync(configDir, { recursive: true })
  const { priority: _priority, enabled: _enabled, ...entry } = kit.config
  writeFileSync(join(configDir, 'config.json'), JSON.stringify({ settings: { allowLocalEndpoints: true, shutdownTimeoutMs: 200 }, providers: [{ ...entry, models: ['mock-gemini'] }] }))
})
afterAll(async () => {
  await kit?.close()
  rmSync(root, { recursive: true, force: true })
})

test('auth antigravity prints the URL, completes on the redirect, and a later start uses the token', async () => {
  let output = ''
  const signedIn = runAuthCommand('antigravity', { secretStore: 'encrypted-file' }, { write: (text: string) => (output += text), env: {}, dataDir, configDir })
  await expect.poll(() => /https?:\/\/\S+/.exec(output.split('\n').find((line) => line.startsWith('http')) ?? '')).toBeTruthy()
  const url = output.split('\n').find((line) => line.startsWith('http'))!
  // The browser: the consent screen redirects to the loopback listener the command opened.
  const consent = await fetch(url, { redirect: 'manual' })
  expect(consent.status).toBe(302)
  const callback = await fetch(consent.headers.get('location')!)
  expect(callback.status).toBe(200)
  await signedIn
  expect(output).toMatch(/Signed in as someone@example\.com; the token of provider "ag" is in the encrypted-file secret store/)

  const host = await startGatewayHost({ mode: 'headless', dataDir, configDir, env: {}, flags: { port: 0 }, preferredSecretStore: 'encrypted-file' })
  try {
    const response = await fetch(`${host.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'ag:mock-gemini', messages: [{ role: 'user', content: 'hi' }] }),
    })
    expect(response.status, await response.clone().text()).toBe(200)
  } finally {
    await host.stop()
  }
})

test('auth reads the settings saved through the admin UI, as start does (allowLocalEndpoints here)', async () => {
  const dirs = mkdtempSync(join(tmpdir(), 'omnillm-auth-stored-'))
  try {
    const [data, config] = [join(dirs, 'data'), join(dirs, 'config')]
    mkdirSync(config, { recursive: true })
    mkdirSync(data, { recursive: true })
    const { priority: _priority, enabled: _enabled, ...entry } = kit.config
    writeFileSync(join(config, 'config.json'), JSON.stringify({ providers: [{ ...entry, id: 'stored', models: ['mock-gemini'] }] }))
    const database = openDatabase(join(data, 'omnillm.db'))
    createSettingsRepository(database).set('allowLocalEndpoints', true)
    database.close()

    let output = ''
    const signedIn = runAuthCommand('antigravity', { secretStore: 'memory' }, { write: (text: string) => (output += text), env: {}, dataDir: data, configDir: config })
    await expect.poll(() => output.split('\n').some((line) => line.startsWith('http'))).toBe(true)
    const consent = await fetch(output.split('\n').find((line) => line.startsWith('http'))!, { redirect: 'manual' })
    await fetch(consent.headers.get('location')!)
    await signedIn
    expect(output).toContain('the token of provider "stored"')
  } finally {
    rmSync(dirs, { recursive: true, force: true })
  }
})
