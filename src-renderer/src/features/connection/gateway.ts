import { createGatewayClient, selectTransport } from '@/lib/gateway-client'
import { useConnectionStore } from './use-connection-store'

const transport = selectTransport({
  bridge: window.omnillm,
  origin: window.location.origin,
  getApiKey: () => useConnectionStore.getState().apiKey,
  onUnauthorized: () => useConnectionStore.getState().keyRejected(),
})

/** How this page reaches the gateway: `ipc` inside Electron, `http` when served at /admin/. */
export const transportKind = transport.kind

/** The app-wide admin client. */
export const gateway = createGatewayClient(transport)
