import type { LookupAddress, LookupOptions } from 'node:dns'
import type { LookupFunction } from 'node:net'
import type { AddressPolicy } from './address-policy'
import { EndpointBlockedError } from './endpoint-blocked-error'
import type { HostLookup } from './host-lookup'

/**
 * A `lookup` for `net.connect`/`tls.connect` that pins a connection to checked addresses: it resolves
 * the host once, refuses when ANY of its addresses is not allowed (so a name with one public and one
 * private address cannot be raced), and answers with exactly the addresses it checked, so the socket
 * connects to one of them and nothing resolves the name a second time.
 */
export function createGuardedLookup(options: { policy: AddressPolicy; resolve: HostLookup }): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolveChecked(hostname, lookupOptions, options).then(
      (addresses) => {
        if (lookupOptions.all) callback(null, addresses)
        else callback(null, addresses[0]!.address, addresses[0]!.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    )
  }
}

async function resolveChecked(hostname: string, lookupOptions: LookupOptions, options: { policy: AddressPolicy; resolve: HostLookup }): Promise<LookupAddress[]> {
  const resolved = await options.resolve(hostname)
  for (const { address } of resolved) {
    const verdict = options.policy(address)
    if (!verdict.allowed) throw new EndpointBlockedError({ hostname, address, addressClass: verdict.addressClass })
  }
  const family = lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family === 'IPv6' ? 6 : lookupOptions.family
  const usable = family === 4 || family === 6 ? resolved.filter((entry) => entry.family === family) : resolved
  if (usable.length === 0) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname })
  return usable.map(({ address, family: addressFamily }) => ({ address, family: addressFamily }))
}
