import type { ContractName } from '../../../src-preload/contract'

export type TransportKind = 'ipc' | 'http'

/**
 * Delivers one admin call and resolves with the raw, unvalidated response (normally a `ContractResult`
 * envelope). Transport failures reject with a GatewayClientError.
 */
export interface GatewayTransport {
  readonly kind: TransportKind
  invoke(name: ContractName, input: unknown): Promise<unknown>
}
