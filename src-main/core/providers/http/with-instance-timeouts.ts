import type { UpstreamHttpClient } from './upstream-http-client'

/** Generous for slow reasoning models, which may think for minutes before their first byte. */
export const defaultFirstByteTimeoutMs = 120_000
export const defaultIdleTimeoutMs = 300_000

/** An instance's config fields `firstByteTimeoutMs` and `idleTimeoutMs` (left out: the defaults above). */
export interface InstanceTimeouts {
  firstByteTimeoutMs?: number
  idleTimeoutMs?: number
}

/**
 * The shared client with one instance's timeouts on every request it sends (a request that sets its own
 * keeps them). Each provider instance gets its own, so no adapter has to pass the limits along.
 */
export function withInstanceTimeouts(http: UpstreamHttpClient, timeouts: InstanceTimeouts): UpstreamHttpClient {
  const firstByteTimeoutMs = timeouts.firstByteTimeoutMs ?? defaultFirstByteTimeoutMs
  const idleTimeoutMs = timeouts.idleTimeoutMs ?? defaultIdleTimeoutMs
  return {
    request: (request) => http.request({ ...request, firstByteTimeoutMs: request.firstByteTimeoutMs ?? firstByteTimeoutMs, idleTimeoutMs: request.idleTimeoutMs ?? idleTimeoutMs }),
    close: () => http.close(),
  }
}
