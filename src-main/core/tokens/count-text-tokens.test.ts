import { describe, expect, test } from 'vitest'
import { countTextTokens } from './count-text-tokens'

describe('o200k token counts of known strings', () => {
  test.each([
    ['', 0],
    ['Hello, world!', 4],
    ['The quick brown fox jumps over the lazy dog.', 10],
    ['function add(a, b) {\n  return a + b\n}', 14],
    ['こんにちは世界', 2],
    // A special-token marker in client text is counted as the plain text it is, never rejected.
    ['<|endoftext|>', 7],
  ])('%j → %i', (text, tokens) => {
    expect(countTextTokens(text)).toBe(tokens)
  })
})
