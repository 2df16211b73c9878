import { describe, expect, it } from 'vitest'

import { safeExternalUrl } from './safe-external-url'

describe('safeExternalUrl', () => {
  it('keeps http(s) links and refuses anything else', () => {
    expect(safeExternalUrl('https://github.com/login/device')).toBe('https://github.com/login/device')
    expect(safeExternalUrl('http://127.0.0.1:5000/cb')).toBe('http://127.0.0.1:5000/cb')
    expect(safeExternalUrl('javascript:alert(1)')).toBeNull()
    expect(safeExternalUrl('file:///etc/passwd')).toBeNull()
    expect(safeExternalUrl('not a url')).toBeNull()
  })
})
