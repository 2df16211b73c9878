import { create } from 'zustand'
import { clearApiKey, readApiKey, writeApiKey, type KeyValueStorage } from '@/lib/api-key-storage'
import { isGatewayClientError } from '@/lib/gateway-client-error'

export type ConnectionPhase = 'needs-key' | 'verifying' | 'connected'

export interface ConnectionState {
  /** The API key the HTTP transport sends; null until the user connects. */
  apiKey: string | null
  phase: ConnectionPhase
  /** Why the connect card is showing again, or why the last attempt failed. */
  notice: string | null
  /** Verifies the key against the gateway, then stores it. */
  connect: (apiKey: string) => Promise<void>
  /** The gateway answered 401: forget the key and ask again. */
  keyRejected: () => void
  /** The user chose to forget the key. */
  disconnect: () => void
}

export interface ConnectionStoreDeps {
  storage: KeyValueStorage | null
  /** Resolves when the gateway accepts the key; throws a GatewayClientError otherwise. */
  verifyKey: (apiKey: string) => Promise<void>
}

export function createConnectionStore({ storage, verifyKey }: ConnectionStoreDeps) {
  const storedKey = readApiKey(storage)
  return create<ConnectionState>()((set, get) => ({
    apiKey: storedKey,
    phase: storedKey ? 'connected' : 'needs-key',
    notice: null,

    async connect(rawKey) {
      const apiKey = rawKey.trim()
      if (!apiKey) {
        set({ notice: 'Enter an API key.' })
        return
      }
      if (get().phase === 'verifying') return
      set({ phase: 'verifying', notice: null })
      try {
        await verifyKey(apiKey)
        writeApiKey(storage, apiKey)
        set({ apiKey, phase: 'connected', notice: null })
      } catch (error) {
        const notice =
          isGatewayClientError(error) && error.code === 'unauthorized'
            ? 'The gateway rejected that API key.'
            : error instanceof Error
              ? error.message
              : 'Could not connect to the gateway.'
        set({ phase: 'needs-key', notice })
      }
    },

    keyRejected() {
      clearApiKey(storage)
      set({ apiKey: null, phase: 'needs-key', notice: 'The gateway no longer accepts the stored API key. Enter it again.' })
    },

    disconnect() {
      clearApiKey(storage)
      set({ apiKey: null, phase: 'needs-key', notice: null })
    },
  }))
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>
