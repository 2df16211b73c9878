import { describe, expect, test } from 'vitest'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'
import { parseDashScopeConfig } from './parse-dashscope-config'

const entry = (fields: Record<string, unknown> = {}): ProviderConfig => ({ id: 'ds', type: 'dashscope', apiKey: 'sk-test', priority: 0, enabled: true, ...fields })
const failure = (fields: Record<string, unknown>) => {
  try {
    parseDashScopeConfig(entry(fields))
  } catch (error) {
    expect(StartupError.isInstance(error)).toBe(true)
    return (error as Error).message
  }
  throw new Error('expected a StartupError')
}

describe('parseDashScopeConfig', () => {
  test('defaults: international site, pay-as-you-go (OpenAI-compatible mode)', () => {
    expect(parseDashScopeConfig(entry())).toEqual({ instanceId: 'ds', region: 'intl', plan: 'standard', baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: 'sk-test', headers: {} })
  })

  test.each([
    ['cn', 'standard', 'https://dashscope.aliyuncs.com/compatible-mode/v1'],
    ['intl', 'coding', 'https://coding-intl.dashscope.aliyuncs.com/v1'],
    ['cn', 'coding', 'https://coding.dashscope.aliyuncs.com/v1'],
  ])('region %s, plan %s → %s', (region, plan, baseUrl) => {
    expect(parseDashScopeConfig(entry({ region, plan })).baseUrl).toBe(baseUrl)
  })

  test('baseUrl overrides the host and keeps its path (trailing slash trimmed)', () => {
    expect(parseDashScopeConfig(entry({ region: 'cn', baseUrl: 'https://proxy.example/compatible-mode/v1/' })).baseUrl).toBe('https://proxy.example/compatible-mode/v1')
  })

  test('bad input stops start-up naming the field', () => {
    expect(failure({ region: 'eu' })).toMatch(/^Provider "ds" \(dashscope\): region: /)
    expect(failure({ plan: 'coding_plan' })).toMatch(/plan: /)
    expect(failure({ temperature: 0.55 })).toMatch(/temperature/)
    expect(failure({ apiKey: undefined })).toMatch(/apiKey: required/)
  })

  test('a key in headers instead of apiKey is accepted', () => {
    expect(parseDashScopeConfig(entry({ apiKey: undefined, headers: { Authorization: 'Bearer sk-x' } })).headers).toEqual({ Authorization: 'Bearer sk-x' })
  })
})
