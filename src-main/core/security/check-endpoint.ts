import { isIP } from 'node:net'
import { createAddressPolicy, localAddressClasses } from './address-policy'
import type { AddressClass } from './classify-address'
import { describeAddressClass, howToAllow } from './describe-blocked-address'

export type EndpointCheck = { ok: true; url: URL } | { ok: false; problem: string; addressClass?: AddressClass }

// Names that mean this machine (RFC 6761 `.localhost`, and the Debian/Ubuntu /etc/hosts aliases) or a
// cloud metadata service, refused by name so the config-time message is clear; the per-call guard would
// refuse what they resolve to anyway.
const loopbackNames = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback'])
const metadataNames = new Set(['metadata.google.internal', 'metadata.goog'])

/**
 * The config-time SSRF check of a user-given upstream URL (start-up, and the admin API when it creates or
 * edits a provider): http or https, no credentials in the URL, a host; a literal IP (in any spelling the
 * WHATWG URL parser accepts: `2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`, `[::ffff:7f00:1]` all become
 * canonical first) must be allowed by the policy, and `localhost` names need `allowLocalEndpoints`.
 * Other host names pass here: they are resolved and checked on every new connection, so an offline start
 * still works. The problem text names the host, never the whole URL (it may carry a secret).
 */
export function checkEndpointUrl(url: string, options: { allowLocalEndpoints: boolean }): EndpointCheck {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { ok: false, problem: 'is not a valid URL' }
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, problem: `uses the scheme "${parsed.protocol.replace(/:$/, '')}"; only http and https are allowed` }
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, problem: 'carries credentials (user:password@); put the key in "apiKey" instead' }
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1')
  const name = host.replace(/\.+$/, '')
  if (name === '') return { ok: false, problem: 'has no host' }

  if (isIP(host) !== 0) {
    const verdict = createAddressPolicy(options)(host)
    return verdict.allowed ? { ok: true, url: parsed } : refused(isIP(host) === 6 ? `[${host}]` : host, verdict.addressClass)
  }
  const named = classOfName(name)
  if (named === undefined || (options.allowLocalEndpoints && localAddressClasses.has(named))) return { ok: true, url: parsed }
  return refused(host, named)
}

function refused(host: string, addressClass: AddressClass): EndpointCheck {
  return { ok: false, addressClass, problem: `points at ${host}, ${describeAddressClass(addressClass)}; ${howToAllow(addressClass)}` }
}

function classOfName(name: string): AddressClass | undefined {
  if (loopbackNames.has(name) || name.endsWith('.localhost')) return 'loopback'
  if (metadataNames.has(name)) return 'metadata'
  return undefined
}
