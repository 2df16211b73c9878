import type { ContractInput, ContractName, ContractOutput, Contracts } from '../../../src-preload/contract'

/**
 * The admin service: one plain async function per contract. Inputs arrive already validated by
 * `invokeAdmin`; a function signals failure by throwing (a GatewayError keeps its code and message).
 */
export type AdminService = {
  [K in ContractName]: (input: ContractInput<Contracts[K]>) => Promise<ContractOutput<Contracts[K]>>
}
