import type { AdminApi } from '../../../src-preload/contract'
import { GatewayClientError } from './gateway-client-error'
import type { GatewayTransport } from './gateway-transport'

/** The Electron transport: calls the preload bridge (`window.omnillm`). */
export function createIpcTransport(bridge: AdminApi): GatewayTransport {
  return {
    kind: 'ipc',
    async invoke(name, input) {
      const method = (bridge as Partial<Record<string, (input?: unknown) => Promise<unknown>>>)[name]
      if (typeof method !== 'function') {
        throw new GatewayClientError('ipc_error', `The desktop bridge has no "${name}" operation; restart OmniLLM.`)
      }
      try {
        return await method(input)
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error)
        throw new GatewayClientError('ipc_error', `The desktop bridge failed: ${detail}`, { cause: error })
      }
    },
  }
}
