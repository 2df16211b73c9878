import { isIP } from 'node:net'
import { Agent, buildConnector } from 'undici'
import type { AddressPolicy } from '../../security/address-policy'
import { createGuardedLookup } from '../../security/create-guarded-lookup'
import { EndpointBlockedError } from '../../security/endpoint-blocked-error'
import { systemHostLookup, type HostLookup } from '../../security/host-lookup'

/**
 * An undici Agent whose every new connection passes the SSRF guard: a literal IP host is checked as it
 * is; a host name is resolved once and the socket connects to one of exactly the addresses that were
 * checked (see createGuardedLookup). TLS still verifies the certificate for the host name (undici sets
 * `servername`; only the address lookup is replaced). Keep-alive connections are reused per origin, so
 * the lookup runs once per connection, not per request. A refusal fails the request before any socket
 * connects. Redirects are never followed: nothing here composes undici's redirect interceptor.
 */
export function createGuardedAgent(options: { policy: AddressPolicy; lookup?: HostLookup }): Agent {
  const connectChecked = buildConnector({ lookup: createGuardedLookup({ policy: options.policy, resolve: options.lookup ?? systemHostLookup }) })
  const connect: buildConnector.connector = (connectOptions, callback) => {
    if (isIP(connectOptions.hostname) !== 0) {
      const verdict = options.policy(connectOptions.hostname)
      if (!verdict.allowed) {
        const error = new EndpointBlockedError({ hostname: connectOptions.hostname, address: verdict.address, addressClass: verdict.addressClass })
        queueMicrotask(() => callback(error, null))
        return
      }
    }
    // Returning the socket lets undici cancel a connection attempt that is still under way.
    return connectChecked(connectOptions, callback)
  }
  return new Agent({ keepAliveTimeout: 30_000, connections: 64, headersTimeout: 0, bodyTimeout: 0, connect })
}
