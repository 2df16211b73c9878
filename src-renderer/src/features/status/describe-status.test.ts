import { describe, expect, it } from 'vitest'

import { describeHost, describeMode, describeSecretStore, formatHostPort } from './describe-status'

describe('status descriptions', () => {
  it('labels known secret stores and flags the memory store', () => {
    expect(describeSecretStore('keychain').label).toBe('OS keychain')
    expect(describeSecretStore('memory').caution).toBe(true)
    expect(describeSecretStore('vault-9000').label).toBe('vault-9000')
  })

  it('labels modes', () => {
    expect(describeMode('desktop').label).toBe('Desktop')
    expect(describeMode('headless').label).toBe('Headless')
  })

  it('flags hosts reachable from the network', () => {
    expect(describeHost('127.0.0.1').caution).toBeUndefined()
    expect(describeHost('::1').caution).toBeUndefined()
    expect(describeHost('0.0.0.0').caution).toBe(true)
    expect(describeHost('192.168.1.5').caution).toBe(true)
  })

  it('brackets IPv6 literals in host:port', () => {
    expect(formatHostPort('127.0.0.1', 5000)).toBe('127.0.0.1:5000')
    expect(formatHostPort('::1', 5000)).toBe('[::1]:5000')
  })
})
