import { describe, expect, it } from 'vitest'

import { memoryStorage } from '@/test-support/memory-storage'
import { API_KEY_STORAGE_KEY, clearApiKey, readApiKey, writeApiKey, type KeyValueStorage } from './api-key-storage'

const throwing: KeyValueStorage = {
  getItem: () => {
    throw new Error('denied')
  },
  setItem: () => {
    throw new Error('denied')
  },
  removeItem: () => {
    throw new Error('denied')
  },
}

describe('api key storage', () => {
  it('round-trips the key under omnillm.apiKey', () => {
    const storage = memoryStorage()
    expect(readApiKey(storage)).toBeNull()
    writeApiKey(storage, 'sk-1')
    expect(storage.map.get(API_KEY_STORAGE_KEY)).toBe('sk-1')
    expect(API_KEY_STORAGE_KEY).toBe('omnillm.apiKey')
    expect(readApiKey(storage)).toBe('sk-1')
    clearApiKey(storage)
    expect(readApiKey(storage)).toBeNull()
  })

  it('treats missing or throwing storage as empty', () => {
    expect(readApiKey(null)).toBeNull()
    expect(readApiKey(throwing)).toBeNull()
    expect(() => writeApiKey(throwing, 'x')).not.toThrow()
    expect(() => clearApiKey(throwing)).not.toThrow()
  })
})
