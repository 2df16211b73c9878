import { localAddressClasses } from './address-policy'
import type { AddressClass } from './classify-address'

const labels: Record<AddressClass, string> = {
  public: 'a public address',
  loopback: 'a loopback address',
  private: 'a private-network address',
  'link-local': 'a link-local address',
  cgnat: 'a shared (CGNAT) address',
  unspecified: 'an unspecified address (0.0.0.0 or ::)',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved (documentation, benchmarking or other special-purpose) address',
  metadata: 'a cloud metadata address',
}

export function describeAddressClass(addressClass: AddressClass): string {
  return labels[addressClass]
}

/** The way out, for a message: the setting that allows this class, or why nothing does. */
export function howToAllow(addressClass: AddressClass): string {
  if (localAddressClasses.has(addressClass)) {
    return 'to use a local model server, start the gateway with --allow-local-endpoints (setting allowLocalEndpoints, or OMNILLM_ALLOW_LOCAL_ENDPOINTS=true)'
  }
  return 'such addresses are never allowed, not even with --allow-local-endpoints'
}
