import { create } from 'zustand'
import type { GatewayStatus } from '../../../../src-preload/contract'
import { toClientErrorInfo } from '@/lib/gateway-client-error'

export type StatusPhase = 'loading' | 'connected' | 'disconnected'

export interface StatusState {
  /** The last status received; kept while disconnected so the page can show what it last knew. */
  status: GatewayStatus | null
  /** `now()` when `status` arrived: the base for ticking the uptime locally. */
  receivedAt: number | null
  phase: StatusPhase
  error: { code: string; message: string } | null
  refreshing: boolean
  refresh: () => Promise<void>
  /** Fetches now and every `intervalMs`; returns the function that stops polling. */
  startPolling: (intervalMs?: number) => () => void
}

export interface StatusStoreDeps {
  getStatus: () => Promise<GatewayStatus>
  now?: () => number
}

export const STATUS_POLL_INTERVAL_MS = 5_000

export function createStatusStore({ getStatus, now = Date.now }: StatusStoreDeps) {
  let inFlight: Promise<void> | null = null

  return create<StatusState>()((set, get) => ({
    status: null,
    receivedAt: null,
    phase: 'loading',
    error: null,
    refreshing: false,

    refresh() {
      if (inFlight) return inFlight
      set({ refreshing: true })
      inFlight = (async () => {
        try {
          const status = await getStatus()
          set({ status, receivedAt: now(), phase: 'connected', error: null })
        } catch (error) {
          set({ phase: 'disconnected', error: toClientErrorInfo(error) })
        } finally {
          inFlight = null
          set({ refreshing: false })
        }
      })()
      return inFlight
    },

    startPolling(intervalMs = STATUS_POLL_INTERVAL_MS) {
      // After a rejected key the user reconnects; do not greet them with the stale 401.
      if (get().error?.code === 'unauthorized') set({ status: null, receivedAt: null, phase: 'loading', error: null })
      void get().refresh()
      const id = setInterval(() => void get().refresh(), intervalMs)
      return () => clearInterval(id)
    },
  }))
}

export type StatusStore = ReturnType<typeof createStatusStore>
