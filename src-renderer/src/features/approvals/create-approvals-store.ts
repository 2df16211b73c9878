import { create } from 'zustand'
import type { ContractInput, ContractOutput, Contracts } from '../../../../src-preload/contract'
import { toClientErrorInfo } from '@/lib/gateway-client-error'

type ApprovalsState = ContractOutput<Contracts['listApprovals']>
type DecideInput = ContractInput<Contracts['decideApproval']>

/** How often the page asks for the waiting requests while manual approval is on. */
export const APPROVALS_POLL_INTERVAL_MS = 1000

export interface ApprovalsStoreState {
  /** Null until the first answer. */
  approvals: ApprovalsState | null
  /** Ids with a decision on the way (their buttons are disabled). */
  deciding: string[]
  error: { code: string; message: string } | null
  refresh: () => Promise<void>
  decide: (input: DecideInput) => Promise<void>
  /** Polls until the returned function is called; stops asking when manual approval turns out to be off. */
  startPolling: () => () => void
}

export interface ApprovalsStoreDeps {
  listApprovals: () => Promise<ApprovalsState>
  decideApproval: (input: DecideInput) => Promise<ApprovalsState>
}

export function createApprovalsStore(deps: ApprovalsStoreDeps) {
  return create<ApprovalsStoreState>()((set, get) => ({
    approvals: null,
    deciding: [],
    error: null,
    async refresh() {
      try {
        set({ approvals: await deps.listApprovals(), error: null })
      } catch (error) {
        set({ error: toClientErrorInfo(error) })
      }
    },
    async decide(input) {
      set({ deciding: [...get().deciding, input.id] })
      try {
        set({ approvals: await deps.decideApproval(input), error: null })
      } catch (error) {
        // Decided elsewhere, timed out or abandoned meanwhile: say so and show the fresh list.
        await get().refresh()
        set({ error: toClientErrorInfo(error) })
      } finally {
        set({ deciding: get().deciding.filter((id) => id !== input.id) })
      }
    },
    startPolling() {
      let timer: ReturnType<typeof setTimeout> | undefined
      let stopped = false
      const tick = async () => {
        await get().refresh()
        if (!stopped && get().approvals?.enabled !== false) timer = setTimeout(() => void tick(), APPROVALS_POLL_INTERVAL_MS)
      }
      void tick()
      return () => {
        stopped = true
        clearTimeout(timer)
      }
    },
  }))
}
