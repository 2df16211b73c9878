import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { contracts } from '../../../src-preload/contract'
import { startAnthropicMessagesMock } from '../test-support/mock-upstreams/anthropic-messages-mock'
import { startAzureOpenAiMock } from '../test-support/mock-upstreams/azure-openai-mock'
import { startDashScopeMock } from '../test-support/mock-upstreams/dashscope-mock'
import { startGeminiMock } from '../test-support/mock-upstreams/gemini-mock'
import { startKimiMock } from '../test-support/mock-upstreams/kimi-mock'
import { startOpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../test-support/start-test-host'
import { mapWithConcurrency, sendRaw } from './send-raw'

/**
 * A distinctive canary credential on every provider type (each strict replica accepts only it), plus
 * instances holding a wrong canary (the upstream refuses it), at debug and trace log level. Successes,
 * upstream 401/403/500, mid-stream errors, model lists, token counts, embeddings and every admin channel:
 * the canaries and the inbound API key must appear in no log line, no byte of the database or its WAL,
 * no response header or body.
 */
const canary = `sk-canary-${randomBytes(12).toString('hex')}`
const inboundKey = `omnillm-inbound-canary-${randomBytes(12).toString('hex')}`
const keyOf = (instance: string) => `${canary}-${instance}`

let gateway: TestHost
let root: string
const closers: Array<() => Promise<void>> = []

beforeAll(async () => {
  const openAi = await startOpenAiChatMock({ apiKey: keyOf('oa') })
  const anthropic = await startAnthropicMessagesMock({ apiKey: keyOf('an') })
  const azure = await startAzureOpenAiMock({ apiKey: keyOf('az'), deployments: { 'prod-gpt': 'mock-gpt' } })
  const gemini = await startGeminiMock({ apiKey: keyOf('ge') })
  const dashScope = await startDashScopeMock({ apiKey: keyOf('ds') })
  const kimi = await startKimiMock({ apiKey: keyOf('ki') })
  closers.push(openAi.close, anthropic.close, azure.close, gemini.close, dashScope.close, kimi.close)
  root = mkdtempSync(join(tmpdir(), 'omnillm-canary-'))
  gateway = await startTestHost({
    dirs: { dataDir: join(root, 'data'), configDir: join(root, 'config') },
    flags: { apiKey: inboundKey, logLevel: 'debug' },
    config: {
      providers: [
        { id: 'oa', type: 'openai-compatible', baseUrl: openAi.url, apiKey: keyOf('oa'), models: ['mock-gpt', 'text-embedding-3-small'] },
        { id: 'an', type: 'anthropic', baseUrl: anthropic.url, apiKey: keyOf('an'), models: ['mock-claude'] },
        { id: 'az', type: 'azure-openai', baseUrl: azure.url, apiKey: keyOf('az'), deployments: { 'mock-gpt': 'prod-gpt' } },
        { id: 'ge', type: 'gemini', baseUrl: gemini.url, apiKey: keyOf('ge'), models: ['mock-gemini'] },
        { id: 'ds', type: 'dashscope', baseUrl: dashScope.url, apiKey: keyOf('ds') },
        { id: 'ki', type: 'kimi', baseUrl: kimi.url, apiKey: keyOf('ki') },
        // Wrong canaries: the upstreams answer 401/403/400 naming (some of) what they were sent.
        { id: 'oa-bad', type: 'openai-compatible', baseUrl: openAi.url, apiKey: keyOf('oa-bad'), models: ['mock-gpt'] },
        { id: 'an-bad', type: 'anthropic', baseUrl: anthropic.url, apiKey: keyOf('an-bad'), models: ['mock-claude'] },
        { id: 'az-bad', type: 'azure-openai', baseUrl: azure.url, apiKey: keyOf('az-bad'), deployments: { 'mock-gpt': 'prod-gpt' } },
        { id: 'ge-bad', type: 'gemini', baseUrl: gemini.url, apiKey: keyOf('ge-bad'), models: ['mock-gemini'] },
      ],
    },
  })
})
afterAll(async () => {
  await gateway?.close()
  for (const close of closers) await close()
  if (root) rmSync(root, { recursive: true, force: true })
})

const models = ['oa:mock-gpt', 'an:mock-claude', 'az:mock-gpt', 'ge:mock-gemini', 'ds:qwen3-vl-plus', 'ki:kimi-k2.6', 'oa-bad:mock-gpt', 'an-bad:mock-claude', 'az-bad:mock-gpt', 'ge-bad:mock-gemini']
const markers = ['hello', 'ERROR:401', 'ERROR:403', 'ERROR:500', 'MIDSTREAM_ERROR']

interface Call {
  method: string
  path: string
  body?: unknown
  headers?: Record<string, string>
}

function calls(): Call[] {
  const list: Call[] = []
  for (const model of models) {
    for (const text of markers) {
      for (const stream of [false, true]) {
        list.push({ method: 'POST', path: '/v1/chat/completions', body: { model, stream, messages: [{ role: 'user', content: text }] } })
        list.push({ method: 'POST', path: '/v1/messages', body: { model, stream, max_tokens: 64, messages: [{ role: 'user', content: text }] } })
      }
    }
    list.push({ method: 'POST', path: '/v1/responses', body: { model, input: 'hello', store: true } })
    list.push({ method: 'POST', path: '/v1/messages/count_tokens', body: { model, messages: [{ role: 'user', content: 'hello' }] } })
    list.push({ method: 'GET', path: `/v1/models/${model}` })
  }
  list.push({ method: 'POST', path: '/v1/embeddings', body: { model: 'oa:text-embedding-3-small', input: 'hello' } })
  list.push({ method: 'GET', path: '/v1/models' }, { method: 'GET', path: '/v1/models', headers: { 'anthropic-version': '2023-06-01' } })
  list.push({ method: 'GET', path: '/health' })
  // A wrong inbound key, and one that differs from the real one only in its last character.
  list.push({ method: 'GET', path: '/health', headers: { authorization: 'Bearer wrong-key-0123456789' } }, { method: 'GET', path: '/v1/models', headers: { authorization: `Bearer ${inboundKey.slice(0, -1)}x` } })
  for (const contract of Object.values(contracts)) list.push({ method: 'POST', path: `/api/admin/${contract.channel}`, body: {} })
  list.push({ method: 'POST', path: '/api/admin/settings:set-log-level', body: { level: 'trace' } }, { method: 'POST', path: '/api/admin/providers:set-active', body: { id: 'an' } })
  return list
}

/** Every file under a directory, with its bytes. */
function filesUnder(directory: string): Array<{ file: string; bytes: Buffer }> {
  if (!existsSync(directory)) return []
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [{ file: path, bytes: readFileSync(path) }]
  })
}

const leaks = (where: string, text: string | Buffer) =>
  [canary, inboundKey].filter((secret) => text.includes(secret)).map((secret) => `${where} holds ${secret === canary ? 'a provider canary' : 'the inbound key'}`)

test('no canary credential and no inbound key leaks into logs, the database, or any response', { timeout: 60_000 }, async () => {
  const found: string[] = []
  const statuses = new Map<number, number>()
  await mapWithConcurrency(calls(), 8, async (call) => {
    const answer = await sendRaw(`${gateway.url}${call.path}`, {
      method: call.method,
      headers: { authorization: `Bearer ${inboundKey}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...call.headers },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      timeoutMs: 10_000,
    })
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
    found.push(...leaks(`the answer to ${call.method} ${call.path} ${JSON.stringify(call.body ?? '').slice(0, 80)} (headers)`, JSON.stringify(answer.headers)))
    found.push(...leaks(`the answer to ${call.method} ${call.path} ${JSON.stringify(call.body ?? '').slice(0, 80)} (body)`, answer.body))
  })
  // The run reached the upstreams and their failures: successes, refused keys, upstream errors.
  expect(statuses.get(200) ?? 0).toBeGreaterThan(50)
  expect([...statuses.keys()].filter((status) => status >= 400).length).toBeGreaterThanOrEqual(3)

  // The database and its WAL while the gateway runs, then every file it leaves behind once stopped.
  const dataDir = join(root, 'data')
  for (const { file, bytes } of filesUnder(dataDir)) found.push(...leaks(`${file} (running)`, bytes))
  gateway.host.gatewayLogger.flush()
  await gateway.close()
  const files = filesUnder(dataDir)
  expect(files.map(({ file }) => file)).toContain(join(dataDir, 'omnillm.db'))
  const logFile = files.find(({ file }) => file.endsWith('.log'))
  expect(logFile, 'the gateway writes a log file').toBeDefined()
  // Debug lines were written (the level took), and the upstream errors were logged: there was something to leak.
  expect(logFile!.bytes.toString('utf8')).toMatch(/"level":20/)
  expect(logFile!.bytes.toString('utf8')).toContain('upstream')
  for (const { file, bytes } of files) found.push(...leaks(file, bytes))
  found.push(...leaks('the console output', gateway.consoleLines.join('')))
  expect(found).toEqual([])
})
