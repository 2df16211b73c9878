import { classifyAddress, type AddressClass } from './classify-address'

/** What `allowLocalEndpoints` lets through: the addresses a local model server (Ollama, vLLM, LM Studio, a tailnet) uses. */
export const localAddressClasses: ReadonlySet<AddressClass> = new Set(['loopback', 'private', 'link-local', 'cgnat'])

export interface AddressVerdict {
  address: string
  addressClass: AddressClass
  allowed: boolean
}

/** Decides whether the gateway may connect to an IP address. The guard takes it as a parameter so tests can inject one. */
export type AddressPolicy = (address: string) => AddressVerdict

/**
 * Public addresses are always allowed; loopback, private, link-local and CGNAT addresses only with
 * `allowLocalEndpoints`; cloud metadata, unspecified (0.0.0.0, ::), multicast, broadcast and reserved
 * addresses never (no model server lives there, and the metadata services hand out cloud credentials).
 */
export function createAddressPolicy(options: { allowLocalEndpoints: boolean }): AddressPolicy {
  return (address) => {
    const addressClass = classifyAddress(address)
    const allowed = addressClass === 'public' || (options.allowLocalEndpoints && localAddressClasses.has(addressClass))
    return { address, addressClass, allowed }
  }
}
