import { describe, expect, test } from 'vitest'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'
import { parseKimiConfig } from './parse-kimi-config'

const entry = (fields: Record<string, unknown> = {}): ProviderConfig => ({ id: 'ki', type: 'kimi', apiKey: 'sk-test', priority: 0, enabled: true, ...fields })
const failure = (fields: Record<string, unknown>) => {
  try {
    parseKimiConfig(entry(fields))
  } catch (error) {
    expect(StartupError.isInstance(error)).toBe(true)
    return (error as Error).message
  }
  throw new Error('expected a StartupError')
}

describe('parseKimiConfig', () => {
  test('defaults: the international host, with its Anthropic-compatible endpoint', () => {
    expect(parseKimiConfig(entry())).toEqual({ instanceId: 'ki', region: 'intl', baseUrl: 'https://api.moonshot.ai/v1', anthropicBaseUrl: 'https://api.moonshot.ai/anthropic', apiKey: 'sk-test', headers: {} })
  })

  test('region cn picks api.moonshot.cn', () => {
    expect(parseKimiConfig(entry({ region: 'cn' }))).toMatchObject({ baseUrl: 'https://api.moonshot.cn/v1', anthropicBaseUrl: 'https://api.moonshot.cn/anthropic' })
  })

  test('baseUrl overrides; the Anthropic endpoint sits next to it, or where anthropicBaseUrl says', () => {
    expect(parseKimiConfig(entry({ baseUrl: 'http://127.0.0.1:9/v1/' }))).toMatchObject({ baseUrl: 'http://127.0.0.1:9/v1', anthropicBaseUrl: 'http://127.0.0.1:9/anthropic' })
    expect(parseKimiConfig(entry({ baseUrl: 'https://proxy.example/kimi', anthropicBaseUrl: 'https://proxy.example/kimi-anthropic/' })).anthropicBaseUrl).toBe('https://proxy.example/kimi-anthropic')
  })

  test('anthropicEndpoint false: no Anthropic endpoint', () => {
    expect(parseKimiConfig(entry({ anthropicEndpoint: false }))).not.toHaveProperty('anthropicBaseUrl')
  })

  test('bad input stops start-up naming the field', () => {
    expect(failure({ region: 'global' })).toMatch(/^Provider "ki" \(kimi\): region: /)
    expect(failure({ baseUrl: 'https://proxy.example/kimi' })).toMatch(/anthropicBaseUrl: required when baseUrl does not end in \/v1/)
    expect(failure({ anthropicEndpoint: 'yes' })).toMatch(/anthropicEndpoint: /)
    expect(failure({ thinking: true })).toMatch(/thinking/)
    expect(failure({ apiKey: undefined })).toMatch(/apiKey: required/)
  })
})
