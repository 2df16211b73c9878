import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { useTempDirs } from '../test-support/temp-dir'
import { deriveInstanceId } from './derive-instance-id'
import { loadConfig } from './load-config'

const tempDir = useTempDirs()

function writeConfig(content: unknown): string {
  const file = join(tempDir(), 'config.json')
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

describe('loadConfig precedence: flags > env > file > stored > defaults', () => {
  test('defaults when nothing is given', async () => {
    const config = await loadConfig({ env: {} })
    expect(config.settings).toMatchObject({ host: '127.0.0.1', port: 5000, logLevel: 'info', maxBodyBytes: 32 * 1024 * 1024, allowLocalEndpoints: false })
    expect(config.sources.port).toBe('default')
    expect(config.configFile).toBeUndefined()
  })

  test('each layer overrides the one below it', async () => {
    const file = writeConfig({ settings: { port: 7000, host: '127.0.0.2', logLevel: 'warn' } })
    const stored = { port: 6000, host: '127.0.0.3', logLevel: 'error', maxBodyBytes: 1234 }

    const onlyStored = await loadConfig({ env: {}, storedSettings: stored })
    expect(onlyStored.settings.port).toBe(6000)
    expect(onlyStored.sources.port).toBe('stored')

    const withFile = await loadConfig({ env: {}, defaultConfigFile: file, storedSettings: stored })
    expect(withFile.settings).toMatchObject({ port: 7000, host: '127.0.0.2', logLevel: 'warn', maxBodyBytes: 1234 })
    expect(withFile.sources).toMatchObject({ port: 'file', maxBodyBytes: 'stored' })

    const withEnv = await loadConfig({ env: { OMNILLM_PORT: '8000', OMNILLM_LOG_LEVEL: 'debug' }, defaultConfigFile: file, storedSettings: stored })
    expect(withEnv.settings).toMatchObject({ port: 8000, host: '127.0.0.2', logLevel: 'debug' })
    expect(withEnv.sources.port).toBe('env')

    const withFlags = await loadConfig({ flags: { port: 9000 }, env: { OMNILLM_PORT: '8000' }, defaultConfigFile: file, storedSettings: stored })
    expect(withFlags.settings.port).toBe(9000)
    expect(withFlags.sources).toMatchObject({ port: 'flag', host: 'file', logLevel: 'file' })
  })

  test('activeProvider: unset by default; flag > env > file > stored', async () => {
    expect((await loadConfig({ env: {} })).settings.activeProvider).toBeUndefined()
    const file = writeConfig({ settings: { activeProvider: 'from-file' } })
    const stored = { activeProvider: 'from-store' }
    expect((await loadConfig({ env: {}, storedSettings: stored })).settings.activeProvider).toBe('from-store')
    expect((await loadConfig({ env: {}, defaultConfigFile: file, storedSettings: stored })).settings.activeProvider).toBe('from-file')
    const env = { OMNILLM_ACTIVE_PROVIDER: 'from-env' }
    expect((await loadConfig({ env, defaultConfigFile: file, storedSettings: stored })).sources.activeProvider).toBe('env')
    expect((await loadConfig({ env, flags: { activeProvider: 'from-flag' }, defaultConfigFile: file })).settings.activeProvider).toBe('from-flag')
  })

  test('--verbose means debug unless --log-level says otherwise', async () => {
    expect((await loadConfig({ env: {}, flags: { verbose: true } })).settings.logLevel).toBe('debug')
    expect((await loadConfig({ env: {}, flags: { verbose: true, logLevel: 'trace' } })).settings.logLevel).toBe('trace')
  })

  test('--config and OMNILLM_CONFIG pick the file; a missing default file is fine', async () => {
    const file = writeConfig({ settings: { port: 7100 } })
    expect((await loadConfig({ env: { OMNILLM_CONFIG: file } })).settings.port).toBe(7100)
    expect((await loadConfig({ env: {}, flags: { config: file } })).configFile).toBe(file)
    expect((await loadConfig({ env: {}, defaultConfigFile: join(tempDir(), 'absent.json') })).configFile).toBeUndefined()
  })

  test('booleans from the environment', async () => {
    expect((await loadConfig({ env: { OMNILLM_ALLOW_LOCAL_ENDPOINTS: 'true' } })).settings.allowLocalEndpoints).toBe(true)
    expect((await loadConfig({ env: { OMNILLM_ALLOW_LOCAL_ENDPOINTS: '0' } })).settings.allowLocalEndpoints).toBe(false)
  })
})

describe('rate-limit settings', () => {
  test('off by default; env names and flags set them, flags win', async () => {
    expect((await loadConfig({ env: {} })).settings).toMatchObject({ rateLimitSeconds: 0, rateLimitRpm: 0, rateLimitWait: false, rateLimitQueueSize: 64 })
    const env = { OMNILLM_RATE_LIMIT: '1.5', OMNILLM_RATE_LIMIT_RPM: '30', OMNILLM_RATE_LIMIT_WAIT: 'true', OMNILLM_RATE_LIMIT_QUEUE_SIZE: '8' }
    expect((await loadConfig({ env })).settings).toMatchObject({ rateLimitSeconds: 1.5, rateLimitRpm: 30, rateLimitWait: true, rateLimitQueueSize: 8 })
    const flagged = await loadConfig({ env, flags: { rateLimitSeconds: 3, rateLimitRpm: 5, rateLimitWait: false, rateLimitQueueSize: 2 } })
    expect(flagged.settings).toMatchObject({ rateLimitSeconds: 3, rateLimitRpm: 5, rateLimitWait: false, rateLimitQueueSize: 2 })
    expect(flagged.sources.rateLimitQueueSize).toBe('flag')
  })

  test('out-of-range values are refused', async () => {
    await expect(loadConfig({ env: { OMNILLM_RATE_LIMIT: '-1' } })).rejects.toThrow(/rateLimitSeconds from environment variable OMNILLM_RATE_LIMIT/)
    await expect(loadConfig({ env: { OMNILLM_RATE_LIMIT_RPM: '1.5' } })).rejects.toThrow(/rateLimitRpm/)
    await expect(loadConfig({ env: { OMNILLM_RATE_LIMIT_QUEUE_SIZE: '0' } })).rejects.toThrow(/rateLimitQueueSize/)
  })
})

describe('providers and virtual models from the config file', () => {
  test('reads providers with defaults and resolves "env:VAR" keys', async () => {
    const file = writeConfig({
      providers: [
        { id: 'ollama', type: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', models: ['qwen3'] },
        { id: 'claude', type: 'anthropic', apiKey: 'env:TEST_ANTHROPIC_KEY', priority: 2, region: 'intl' },
      ],
      virtualModels: [{ id: 'fast', strategy: 'weighted', upstreams: [{ provider: 'ollama', model: 'qwen3', weight: 3 }] }],
    })
    const config = await loadConfig({ env: { TEST_ANTHROPIC_KEY: 'sk-ant-from-env' }, flags: { config: file } })
    expect(config.providers).toEqual([
      { id: 'ollama', type: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', models: ['qwen3'], priority: 0, enabled: true },
      { id: 'claude', type: 'anthropic', apiKey: 'sk-ant-from-env', priority: 2, enabled: true, region: 'intl' },
    ])
    expect(config.virtualModels[0]?.upstreams[0]).toEqual({ provider: 'ollama', model: 'qwen3', weight: 3 })
  })

  test('an entry without "id" gets a derived one, the same on every load, from the resolved key', async () => {
    const file = writeConfig({
      providers: [
        { type: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', apiKey: 'env:TEST_OPENAI_KEY' },
        { id: 'named', type: 'anthropic' },
      ],
    })
    const load = (key: string) => loadConfig({ env: { TEST_OPENAI_KEY: key }, flags: { config: file } })
    const first = await load('sk-one-0123456789')
    const again = await load('sk-one-0123456789')
    const otherKey = await load('sk-two-0123456789')

    const derived = first.providers[0]!.id
    expect(derived).toBe(deriveInstanceId({ type: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-one-0123456789' }))
    expect(derived).toMatch(/^openai-compatible-api-openai-com-[0-9a-f]{8}$/)
    expect(again.providers[0]!.id).toBe(derived)
    expect(otherKey.providers[0]!.id).not.toBe(derived)
    expect(first.providers[1]!.id).toBe('named')
  })
})

describe('errors name the file, the field and the problem', () => {
  test('invalid field', async () => {
    const file = writeConfig({ settings: { port: 'eighty' } })
    await expect(loadConfig({ env: {}, flags: { config: file } })).rejects.toThrow(`Config file ${file}: settings.port: Invalid input: expected number, received string`)
  })

  test('unknown setting (a typo) is rejected', async () => {
    const file = writeConfig({ settings: { prot: 5001 } })
    await expect(loadConfig({ env: {}, flags: { config: file } })).rejects.toThrow(/settings: Unrecognized key: "prot"/)
  })

  test('field path inside an array', async () => {
    const file = writeConfig({ providers: [{ id: 'ok', type: 'anthropic' }, { id: 'Bad Id', type: 'anthropic' }] })
    await expect(loadConfig({ env: {}, flags: { config: file } })).rejects.toThrow(`Config file ${file}: providers.1.id:`)
  })

  test('duplicate provider ids', async () => {
    const file = writeConfig({ providers: [{ id: 'a', type: 'anthropic' }, { id: 'a', type: 'gemini' }] })
    await expect(loadConfig({ env: {}, flags: { config: file } })).rejects.toThrow('providers.1.id: duplicate provider id "a"')
  })

  test('two entries with the same derived id, or a derived id taken by an explicit one, name both entries', async () => {
    const twins = writeConfig({
      providers: [
        { id: 'first', type: 'anthropic' },
        { type: 'openai-compatible', baseUrl: 'https://api.example.com/v1', apiKey: 'sk-same' },
        { type: 'openai-compatible', baseUrl: 'https://api.example.com/v1/', apiKey: 'sk-same', models: ['other'] },
      ],
    })
    await expect(loadConfig({ env: {}, flags: { config: twins } })).rejects.toThrow(
      new RegExp(`^Config file ${twins}: providers\\.1 \\(derived\\) and providers\\.2 \\(derived\\) both have the id "openai-compatible-api-example-com-[0-9a-f]{8}"; give one of them an explicit "id"`),
    )

    const taken = deriveInstanceId({ type: 'anthropic' })
    const clash = writeConfig({ providers: [{ id: taken, type: 'gemini' }, { type: 'anthropic' }] })
    await expect(loadConfig({ env: {}, flags: { config: clash } })).rejects.toThrow(`providers.0 and providers.1 (derived) both have the id "${taken}"`)
  })

  test('bad virtual model strategy', async () => {
    const file = writeConfig({ virtualModels: [{ id: 'v', strategy: 'fastest', upstreams: [{ provider: 'a', model: 'm' }] }] })
    await expect(loadConfig({ env: {}, flags: { config: file } })).rejects.toThrow(`Config file ${file}: virtualModels.0.strategy:`)
  })

  test('not JSON', async () => {
    const file = writeConfig('{ "settings": ')
    await expect(loadConfig({ env: {}, flags: { config: file } })).rejects.toThrow(`Config file ${file} is not valid JSON`)
  })

  test('an explicit file that does not exist', async () => {
    const file = join(tempDir(), 'nope.json')
    await expect(loadConfig({ env: {}, flags: { config: file } })).rejects.toThrow(`Cannot read config file ${file}: the file does not exist`)
  })

  test('env:VAR that is not set', async () => {
    const file = writeConfig({ providers: [{ id: 'a', type: 'anthropic', apiKey: 'env:MISSING_KEY_VAR' }] })
    await expect(loadConfig({ env: {}, flags: { config: file } })).rejects.toThrow(`Config file ${file}: providers.0.apiKey: environment variable MISSING_KEY_VAR is not set`)
  })

  test('a bad environment value names the variable', async () => {
    await expect(loadConfig({ env: { OMNILLM_PORT: 'abc' } })).rejects.toThrow('Invalid setting port from environment variable OMNILLM_PORT: "abc" is not a number')
    await expect(loadConfig({ env: { OMNILLM_PORT: '70000' } })).rejects.toThrow('Invalid setting port from environment variable OMNILLM_PORT:')
  })

  test('an invalid stored setting is ignored with a warning, not fatal', async () => {
    const config = await loadConfig({ env: {}, storedSettings: { port: -1, logLevel: 'debug' } })
    expect(config.settings.port).toBe(5000)
    expect(config.settings.logLevel).toBe('debug')
    expect(config.warnings).toEqual([expect.stringContaining('Ignoring stored setting port')])
  })
})
