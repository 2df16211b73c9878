import { create } from 'zustand'
import type { SignInFlowStateDto } from '../../../../src-preload/contract'
import { toClientErrorInfo } from '@/lib/gateway-client-error'

type ErrorInfo = { code: string; message: string }

/** How often the dialog asks the gateway how the sign-in is going. */
export const SIGN_IN_POLL_INTERVAL_MS = 1000

/** Failures worth asking again after (the gateway blinked); anything else stops polling. */
const transientCodes = new Set(['network_error', 'timeout'])

export interface SignInState {
  /** The instance whose sign-in dialog is open; null when it is closed. */
  instanceId: string | null
  /** The flow as last reported; null until signIn:start answers. */
  flow: SignInFlowStateDto | null
  starting: boolean
  cancelling: boolean
  error: ErrorInfo | null
  /** Opens the dialog for `instanceId` and starts its sign-in; polls until the flow ends or the dialog closes. */
  open: (instanceId: string) => Promise<void>
  /** Cancels the pending flow (the dialog stays open and shows "Cancelled"). */
  cancel: () => Promise<void>
  /** Closes the dialog; a flow still pending is cancelled. */
  close: () => void
}

export interface SignInStoreDeps {
  startSignIn: (input: { instanceId: string }) => Promise<SignInFlowStateDto>
  getSignInStatus: (input: { flowId: string }) => Promise<SignInFlowStateDto>
  cancelSignIn: (input: { flowId: string }) => Promise<SignInFlowStateDto>
  pollIntervalMs?: number
}

const closed = { instanceId: null, flow: null, starting: false, cancelling: false, error: null } as const

export function createSignInStore(deps: SignInStoreDeps) {
  const intervalMs = deps.pollIntervalMs ?? SIGN_IN_POLL_INTERVAL_MS
  // Each open() is a session; answers that arrive for an older one are dropped (and their flow cancelled).
  let session = 0
  // Each scheduled poll carries the tick it was scheduled under; stopping bumps it, so a poll already
  // on the wire when the user cancels cannot bring the old "pending" back.
  let tick = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const stopPolling = () => {
    tick++
    clearTimeout(timer)
    timer = undefined
  }
  const cancelQuietly = (flowId: string) => void deps.cancelSignIn({ flowId }).catch(() => undefined)

  return create<SignInState>()((set, get) => {
    const schedule = (id: number) => {
      stopPolling()
      const mine = tick
      timer = setTimeout(() => void poll(id, mine), intervalMs)
    }

    const poll = async (id: number, mine: number) => {
      const flow = get().flow
      if (id !== session || !flow || flow.status !== 'pending') return
      try {
        const next = await deps.getSignInStatus({ flowId: flow.flowId })
        if (id !== session || mine !== tick) return
        set({ flow: next, error: null })
        if (next.status === 'pending') schedule(id)
      } catch (error) {
        if (id !== session || mine !== tick) return
        const info = toClientErrorInfo(error)
        set({ error: info })
        if (transientCodes.has(info.code)) schedule(id)
      }
    }

    return {
      ...closed,

      async open(instanceId) {
        const previous = get().flow
        stopPolling()
        const id = ++session
        if (previous?.status === 'pending') cancelQuietly(previous.flowId)
        set({ ...closed, instanceId, starting: true })
        try {
          const flow = await deps.startSignIn({ instanceId })
          if (id !== session) {
            // Closed (or reopened) before the gateway answered: do not leave that flow running.
            if (flow.status === 'pending') cancelQuietly(flow.flowId)
            return
          }
          set({ flow })
          if (flow.status === 'pending') schedule(id)
        } catch (error) {
          if (id === session) set({ error: toClientErrorInfo(error) })
        } finally {
          if (id === session) set({ starting: false })
        }
      },

      async cancel() {
        const flow = get().flow
        if (!flow || flow.status !== 'pending') return
        const id = session
        stopPolling()
        set({ cancelling: true })
        try {
          const next = await deps.cancelSignIn({ flowId: flow.flowId })
          if (id === session) set({ flow: next, error: null })
        } catch (error) {
          if (id !== session) return
          set({ error: toClientErrorInfo(error) })
          // Still pending as far as we know: keep following it.
          schedule(id)
        } finally {
          if (id === session) set({ cancelling: false })
        }
      },

      close() {
        const flow = get().flow
        stopPolling()
        session++
        if (flow?.status === 'pending') cancelQuietly(flow.flowId)
        set({ ...closed })
      },
    }
  })
}

export type SignInStore = ReturnType<typeof createSignInStore>
