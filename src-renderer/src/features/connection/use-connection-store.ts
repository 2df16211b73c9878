import { browserStorage } from '@/lib/api-key-storage'
import { createGatewayClient } from '@/lib/gateway-client'
import { createHttpTransport } from '@/lib/http-transport'
import { createConnectionStore } from './create-connection-store'

/** The browser (HTTP) session: which API key the admin UI sends. Unused inside Electron. */
export const useConnectionStore = createConnectionStore({
  storage: browserStorage(),
  async verifyKey(apiKey) {
    // A one-off client bound to the candidate key: the shared one only sees a key once it is accepted.
    const probe = createGatewayClient(createHttpTransport({ baseUrl: window.location.origin, getApiKey: () => apiKey }))
    await probe.getStatus()
  },
})
