import { describe, expect, it } from 'vitest'

import { formatDuration } from './format-duration'

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [42.9, '42s'],
    [60, '1m 00s'],
    [423, '7m 03s'],
    [18_423, '5h 07m 03s'],
    [3 * 86_400 + 5 * 3_600 + 7 * 60 + 3, '3d 5h 07m'],
    [-5, '0s'],
    [Number.NaN, '0s'],
  ])('%s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected)
  })
})
