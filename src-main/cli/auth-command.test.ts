import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startGatewayHost } from '../core'
import { startCopilotReplicas, type CopilotReplicas } from '../core/test-support/mock-upstreams/copilot-replicas'
import { runAuthCommand } from './auth-command'
import { runCheckUsageCommand } from './check-usage-command'

/** `omnillm auth github-copilot` end to end against the replicas, then `omnillm start` on the same directories. */
let replicas: CopilotReplicas
let root: string
let dataDir: string
let configDir: string
beforeAll(async () => {
  replicas = await startCopilotReplicas({ approveAfterPolls: 1 })
  root = mkdtempSync(join(tmpdir(), 'omnillm-auth-'))
  dataDir = join(root, 'data')
  configDir = join(root, 'config')
  mkdirSync(configDir, { recursive: true })
  const provider = replicas.provider({ id: 'work', signedIn: false })
  writeFileSync(join(configDir, 'config.json'), JSON.stringify({ settings: { allowLocalEndpoints: true, shutdownTimeoutMs: 200 }, providers: [{ id: 'other', type: 'openai-compatible', apiKey: 'sk-test-0123456789' }, provider] }))
})
afterAll(async () => {
  await replicas?.close()
  rmSync(root, { recursive: true, force: true })
})

const io = (lines: string[]) => ({ write: (text: string) => lines.push(text), env: {}, dataDir, configDir })

test('auth prints the code, waits, stores the token; a later start uses it without asking', async () => {
  const lines: string[] = []
  await runAuthCommand('github-copilot', { secretStore: 'encrypted-file' }, io(lines))
  const output = lines.join('')
  const userCode = replicas.github.deviceFlows.at(-1)!.userCode
  expect(output).toContain(`Open https://github.com/login/device and enter the code ${userCode}`)
  expect(output).toMatch(/Signed in as octocat; the token of provider "work" is in the encrypted-file secret store/)
  expect(output).not.toMatch(/gho_/)

  const host = await startGatewayHost({ mode: 'headless', dataDir, configDir, env: {}, flags: { port: 0, showToken: true, activeProvider: 'work' }, preferredSecretStore: 'encrypted-file' })
  try {
    const headers = { authorization: `Bearer ${host.apiKey}`, 'content-type': 'application/json' }
    const chat = await fetch(`${host.url}/v1/chat/completions`, { method: 'POST', headers, body: JSON.stringify({ model: 'work:gpt-4.1', messages: [{ role: 'user', content: 'hi' }] }) })
    expect(chat.status).toBe(200)
    const token = (await (await fetch(`${host.url}/token`, { headers })).json()) as { token: string; masked: boolean }
    expect(token.masked).toBe(false)
    expect(replicas.github.checkCopilotToken(token.token)).toBe('valid')
  } finally {
    await host.stop()
  }

  const usage: string[] = []
  await runCheckUsageCommand({ secretStore: 'encrypted-file' }, io(usage))
  expect(usage.join('')).toMatch(/Provider "work"\nCopilot plan: individual\nQuota resets: 2026-12-01\n[\s\S]*Premium requests: 45\/300 used \(85\.0% remaining\)/)
})

test('auth for a type the config file has no instance of says what to do', async () => {
  await expect(runAuthCommand('github-copilot', { config: join(configDir, 'none.json') }, io([]))).rejects.toThrow(/does not exist/)
  writeFileSync(join(configDir, 'empty.json'), JSON.stringify({ providers: [] }))
  await expect(runAuthCommand('github-copilot', { config: join(configDir, 'empty.json'), secretStore: 'memory' }, io([]))).rejects.toThrow(/no provider instance of type "github-copilot" in .*empty\.json; add one/)
  await expect(runAuthCommand('openai-compatible', { secretStore: 'memory' }, io([]))).rejects.toThrow(/has no interactive sign-in/)
  await expect(runAuthCommand('github-copilot', { id: 'other', secretStore: 'memory' }, io([]))).rejects.toThrow(/is of type "openai-compatible"/)
})
