import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { deriveInstanceId } from './derive-instance-id'
import { providerConfigSchema } from './gateway-config-schema'

const key = 'sk-proj-AbCdEf0123456789xyzXYZ'

describe('deriveInstanceId', () => {
  test('type, host slug and 8 hex of HMAC-SHA256("omnillm-instance-id", type|endpoint|credential)', () => {
    const expectedHash = createHmac('sha256', 'omnillm-instance-id').update(`openai-compatible|https://api.openai.com/v1|${key}`).digest('hex').slice(0, 8)
    expect(deriveInstanceId({ type: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', apiKey: key })).toBe(`openai-compatible-api-openai-com-${expectedHash}`)
  })

  test('stable: the same entry always gives the same id, however the endpoint is spelled', () => {
    const id = deriveInstanceId({ type: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', apiKey: key })
    for (const baseUrl of ['https://api.openai.com/v1', 'https://API.OpenAI.com/v1/', 'https://api.openai.com:443/v1//']) {
      expect(deriveInstanceId({ type: 'openai-compatible', baseUrl, apiKey: key })).toBe(id)
    }
  })

  test('differs by credential, endpoint and type', () => {
    const base = { type: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', apiKey: key }
    const ids = new Set([
      deriveInstanceId(base),
      deriveInstanceId({ ...base, apiKey: `${key}2` }),
      deriveInstanceId({ ...base, apiKey: undefined }),
      deriveInstanceId({ ...base, baseUrl: 'https://api.openai.com/v2' }),
      deriveInstanceId({ ...base, baseUrl: 'http://api.openai.com/v1' }),
      deriveInstanceId({ ...base, type: 'azure-openai' }),
    ])
    expect(ids.size).toBe(6)
  })

  test('the key reaches the id only through the hash: no key characters, a valid "id:model" prefix', () => {
    const keys = [key, 'sk-ant-api03-abcdef', 'AIzaSyD-someGoogleKey_value', 'user@example.com']
    for (const type of ['openai-compatible', 'anthropic']) {
      const ids = keys.map((apiKey) => deriveInstanceId({ type, baseUrl: 'https://api.example.com/v1', apiKey }))
      for (const [index, id] of ids.entries()) {
        expect(providerConfigSchema.shape.id.safeParse(id).success).toBe(true)
        expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}$/)
        // Everything before the hash is the same whatever the key; the original put the key's last 6 characters here.
        expect(id.slice(0, -8)).toBe(`${type}-api-example-com-`)
        expect(id).not.toContain(keys[index]!.slice(-6).toLowerCase())
      }
      expect(new Set(ids).size).toBe(keys.length)
    }
  })

  test('without a baseUrl: the type and the hash; odd hosts become a slug', () => {
    expect(deriveInstanceId({ type: 'anthropic' })).toMatch(/^anthropic-[0-9a-f]{8}$/)
    expect(deriveInstanceId({ type: 'openai-compatible', baseUrl: 'http://[::1]:11434/v1' })).toMatch(/^openai-compatible-1-[0-9a-f]{8}$/)
    expect(deriveInstanceId({ type: 'openai-compatible', baseUrl: 'https://bücher.example/' })).toMatch(/^openai-compatible-xn-bcher-kva-example-[0-9a-f]{8}$/)
    const long = deriveInstanceId({ type: 'openai-compatible', baseUrl: `https://${'a'.repeat(60)}.example.com/` })
    expect(long).toMatch(/^openai-compatible-a{40}-[0-9a-f]{8}$/)
  })
})
