import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { rawRequest } from '../test-support/raw-request'
import { startTestHost, type TestHost } from '../test-support/start-test-host'

const canary = 'sk-canary-7f3a9c1e5b2d4f6a8c0e'
let gateway: TestHost

beforeAll(async () => {
  gateway = await startTestHost({
    flags: { logLevel: 'trace' },
    env: { CANARY_PROVIDER_KEY: canary },
    config: { providers: [{ id: 'canary', type: 'anthropic', apiKey: 'env:CANARY_PROVIDER_KEY' }] },
  })
})
afterAll(() => gateway.close())

test('no log line ever holds a provider secret or the inbound API key', async () => {
  const logger = gateway.host.logger
  const provider = gateway.host.config.providers[0]!
  expect(provider.apiKey).toBe(canary)

  // The ways a secret tends to reach a log: a config object, an error message, an upstream body, headers.
  logger.info({ provider }, 'provider loaded')
  logger.error({ err: new Error(`upstream rejected key ${canary}`) }, 'upstream call failed')
  logger.debug({ upstreamBody: `{"error":"invalid x-api-key ${canary}"}` }, 'upstream body')
  logger.debug({ headers: { authorization: `Bearer ${gateway.apiKey}`, 'x-api-key': canary } }, 'outgoing headers')
  logger.warn(`retrying with ${gateway.apiKey}`)

  // Requests that present the keys in every accepted and refused way.
  await rawRequest(`${gateway.url}/health`, { headers: { authorization: `Bearer ${gateway.apiKey}` } })
  await rawRequest(`${gateway.url}/health`, { headers: { 'x-api-key': canary } })
  await rawRequest(`${gateway.url}/health?api_key=${gateway.apiKey}`)
  // The log file is written asynchronously (sonic-boom): flush until the last line we expect is there.
  const readLog = () => {
    gateway.host.gatewayLogger.flush()
    return readFileSync(join(gateway.dataDir, 'logs', 'omnillm.log'), 'utf8')
  }
  await expect.poll(() => readLog().split('\n').filter(Boolean).length, { timeout: 2000 }).toBeGreaterThan(8)
  const file = readLog()
  const consoleText = gateway.consoleLines.join('')
  for (const text of [file, consoleText]) {
    expect(text).toContain('provider loaded')
    expect(text).toContain('upstream rejected key [REDACTED]')
    expect(text).not.toContain(canary)
    expect(text).not.toContain(gateway.apiKey)
  }
  expect(file.split('\n').length).toBeGreaterThan(8)
})
