import { describe, expect, it } from 'vitest'
import { keyMatcher } from './api-key-auth'

describe('keyMatcher', () => {
  const expected = 'bench-key-0123456789abcdef'
  const matches = keyMatcher(expected)

  it('accepts the key and nothing else: longer, shorter, another case, empty, other characters', () => {
    expect(matches(expected)).toBe(true)
    const others = [`${expected}x`, expected.slice(0, -1), expected.replace('b', 'B'), '', ' ', 'ключ', `${expected.slice(0, -1)}é`, 'bench-key-0123456789abcdeF']
    for (const key of others) expect(matches(key), key).toBe(false)
  })

  it('compares bytes, not UTF-16 units: a key of the same length in characters but not in bytes fails', () => {
    const unicode = keyMatcher('ключ')
    expect(unicode('ключ')).toBe(true)
    expect(unicode('kluc')).toBe(false)
    expect(unicode('ключключ')).toBe(false)
  })
})
