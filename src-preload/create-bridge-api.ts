import { contracts, type AdminApi } from './contract'

/** The one Electron capability the bridge needs: `ipcRenderer.invoke`, narrowed to channel + input. */
export type BridgeInvoke = (channel: string, input: unknown) => Promise<unknown>

/**
 * Derives `window.omnillm` from the contract map: one method per contract that forwards its single input
 * argument to the contract's channel and resolves with the `ContractResult` envelope the main process
 * returns. Nothing else is reachable through it: no channel name, no ipcRenderer, no IPC event.
 */
export function createBridgeApi(invoke: BridgeInvoke): AdminApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const [name, contract] of Object.entries(contracts)) {
    const channel = contract.channel
    api[name] = (input?: unknown) => invoke(channel, input)
  }
  return Object.freeze(api) as AdminApi
}
