import { describe, expect, test } from 'vitest'
import { checkEndpointUrl } from './check-endpoint'

const strict = { allowLocalEndpoints: false }
const local = { allowLocalEndpoints: true }
const problemOf = (url: string, options = strict) => {
  const check = checkEndpointUrl(url, options)
  return check.ok ? undefined : check.problem
}

describe('checkEndpointUrl: literal addresses in every spelling the URL parser accepts', () => {
  // Each of these is 127.0.0.1 (or ::1) after WHATWG URL parsing.
  test.each([
    'http://127.0.0.1:11434/v1',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://017700000001/',
    'http://0177.0.0.1/',
    'http://0x7f.0.0.1/',
    'http://0x7f.1/',
    'http://127.1/',
    'http://127.0.0.01/',
    'http://127.0.0.1./',
    'http://%31%32%37.0.0.1/',
    'http://１２７.０.０.１/',
    'http://[::1]/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[64:ff9b::7f00:1]/',
  ])('%s is loopback: refused, allowed with allowLocalEndpoints', (url) => {
    expect(checkEndpointUrl(url, strict)).toMatchObject({ ok: false, addressClass: 'loopback' })
    expect(checkEndpointUrl(url, local)).toMatchObject({ ok: true })
  })

  test.each([
    ['http://10.1.2.3/', 'private'],
    ['http://167772161/', 'private'], // 10.0.0.1
    ['http://192.168.1.10:8000/v1', 'private'],
    ['http://[fd00::1]/', 'private'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://100.64.0.7/', 'cgnat'],
  ] as const)('%s is %s: refused, allowed with allowLocalEndpoints', (url, addressClass) => {
    expect(checkEndpointUrl(url, strict)).toMatchObject({ ok: false, addressClass })
    expect(checkEndpointUrl(url, local)).toMatchObject({ ok: true })
  })

  test.each([
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://2852039166/', 'metadata'], // 169.254.169.254
    ['http://0xa9.0xfe.0xa9.0xfe/', 'metadata'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://100.100.100.200/', 'metadata'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://0.0.0.0:11434/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://198.18.0.1/', 'reserved'],
    ['http://[2001:db8::1]/', 'reserved'],
  ] as const)('%s is %s: refused even with allowLocalEndpoints', (url, addressClass) => {
    expect(checkEndpointUrl(url, strict)).toMatchObject({ ok: false, addressClass })
    expect(checkEndpointUrl(url, local)).toMatchObject({ ok: false, addressClass })
    expect(problemOf(url, local)).toContain('never allowed, not even with --allow-local-endpoints')
  })

  test('public addresses pass', () => {
    for (const url of ['https://8.8.8.8/v1', 'http://134744072/', 'https://[2606:4700:4700::1111]/']) expect(checkEndpointUrl(url, strict).ok).toBe(true)
  })
})

describe('checkEndpointUrl: names, schemes and credentials', () => {
  test.each(['http://localhost:11434/v1', 'http://LOCALHOST./', 'http://ollama.localhost/', 'http://localhost.localdomain/', 'http://ip6-localhost/'])(
    '%s: refused by name, allowed with allowLocalEndpoints',
    (url) => {
      expect(checkEndpointUrl(url, strict)).toMatchObject({ ok: false, addressClass: 'loopback' })
      expect(checkEndpointUrl(url, local).ok).toBe(true)
    },
  )

  test('other host names pass: they are resolved and checked on every connection, not at start-up', () => {
    for (const url of ['https://api.openai.com/v1', 'http://ollama:11434/v1', 'https://127.0.0.1.nip.io/', 'https://localhost.example.com/']) {
      expect(checkEndpointUrl(url, strict)).toMatchObject({ ok: true, url: new URL(url) })
    }
  })

  test('only http and https', () => {
    expect(problemOf('file:///etc/passwd')).toBe('uses the scheme "file"; only http and https are allowed')
    expect(problemOf('ftp://example.com/', local)).toContain('uses the scheme "ftp"')
    expect(problemOf('gopher://example.com/')).toContain('uses the scheme "gopher"')
  })

  test('no credentials in the URL, and the problem never repeats them', () => {
    const problem = problemOf('https://user:s3cret@api.example.com/v1')
    expect(problem).toBe('carries credentials (user:password@); put the key in "apiKey" instead')
    expect(problemOf('https://token@api.example.com/', local)).toContain('carries credentials')
  })

  test('not a URL, or no host', () => {
    expect(problemOf('not a url')).toBe('is not a valid URL')
    expect(problemOf('http://999999999999/')).toBe('is not a valid URL')
    expect(problemOf('http://./')).toBe('has no host')
  })

  test('the problem names the host, its class and the setting', () => {
    expect(problemOf('http://10.0.0.5:8000/v1')).toBe(
      'points at 10.0.0.5, a private-network address; to use a local model server, start the gateway with --allow-local-endpoints (setting allowLocalEndpoints, or OMNILLM_ALLOW_LOCAL_ENDPOINTS=true)',
    )
    expect(problemOf('http://[::1]:8000/')).toMatch(/^points at \[::1\], a loopback address; /)
  })
})
