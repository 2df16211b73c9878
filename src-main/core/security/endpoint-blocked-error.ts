import type { AddressClass } from './classify-address'
import { describeAddressClass, howToAllow } from './describe-blocked-address'

/**
 * The SSRF guard refused a connection: `hostname` is, or resolved to, `address`, which the policy does
 * not allow. Raised before any connection attempt. The HTTP client turns it into a 502 `endpoint_blocked`.
 */
export class EndpointBlockedError extends Error {
  readonly code = 'ENDPOINT_BLOCKED'
  readonly hostname: string
  readonly address: string
  readonly addressClass: AddressClass

  constructor(options: { hostname: string; address: string; addressClass: AddressClass }) {
    const target = options.hostname === options.address ? options.address : `${options.hostname} resolves to ${options.address}, which`
    super(`${target} is ${describeAddressClass(options.addressClass)}; ${howToAllow(options.addressClass)}`)
    this.name = 'EndpointBlockedError'
    this.hostname = options.hostname
    this.address = options.address
    this.addressClass = options.addressClass
  }

  /** The guard's refusal in an error or its causes (undici and Node may wrap it). */
  static find(error: unknown): EndpointBlockedError | undefined {
    for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
      if (current instanceof EndpointBlockedError) return current
      if (current instanceof AggregateError) {
        const inner = current.errors.find((item) => item instanceof EndpointBlockedError)
        if (inner) return inner as EndpointBlockedError
      }
    }
    return undefined
  }
}
