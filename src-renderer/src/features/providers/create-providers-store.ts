import { create } from 'zustand'
import type { ProviderSummary } from '../../../../src-preload/contract'
import { toClientErrorInfo } from '@/lib/gateway-client-error'

type ErrorInfo = { code: string; message: string }

/** One instance's usage report as the page shows it: fetched on request, hidden again on request. */
export type UsageEntry =
  | { status: 'loading' }
  | { status: 'ready'; report: Record<string, unknown> }
  | { status: 'error'; error: ErrorInfo }

export interface ProvidersState {
  /** Null until the first answer. */
  providers: ProviderSummary[] | null
  loading: boolean
  /** Listing failed. */
  error: ErrorInfo | null
  /** The instance a "Make active" is on the way for. */
  activating: string | null
  /** The last failed "Make active", shown on its row. */
  activateError: (ErrorInfo & { id: string }) | null
  usage: Record<string, UsageEntry>
  load: () => Promise<void>
  makeActive: (id: string) => Promise<void>
  showUsage: (id: string) => Promise<void>
  hideUsage: (id: string) => void
}

export interface ProvidersStoreDeps {
  listProviders: () => Promise<ProviderSummary[]>
  setActiveProvider: (input: { id: string }) => Promise<{ id: string }>
  getProviderUsage: (input: { id: string }) => Promise<Record<string, unknown>>
}

export function createProvidersStore(deps: ProvidersStoreDeps) {
  let inFlight: Promise<void> | null = null

  return create<ProvidersState>()((set, get) => ({
    providers: null,
    loading: false,
    error: null,
    activating: null,
    activateError: null,
    usage: {},

    load() {
      if (inFlight) return inFlight
      set({ loading: true })
      inFlight = (async () => {
        try {
          set({ providers: await deps.listProviders(), error: null })
        } catch (error) {
          set({ error: toClientErrorInfo(error) })
        } finally {
          inFlight = null
          set({ loading: false })
        }
      })()
      return inFlight
    },

    async makeActive(id) {
      set({ activating: id, activateError: null })
      try {
        const { id: active } = await deps.setActiveProvider({ id })
        const providers = get().providers
        // Mark it at once; the fresh list follows (the tray and routing follow on the gateway side).
        if (providers) set({ providers: providers.map((provider) => ({ ...provider, active: provider.id === active })) })
        await get().load()
      } catch (error) {
        set({ activateError: { id, ...toClientErrorInfo(error) } })
        await get().load()
      } finally {
        set({ activating: null })
      }
    },

    async showUsage(id) {
      set({ usage: { ...get().usage, [id]: { status: 'loading' } } })
      let entry: UsageEntry
      try {
        entry = { status: 'ready', report: await deps.getProviderUsage({ id }) }
      } catch (error) {
        entry = { status: 'error', error: toClientErrorInfo(error) }
      }
      // Hidden meanwhile: leave it hidden.
      if (get().usage[id]) set({ usage: { ...get().usage, [id]: entry } })
    },

    hideUsage(id) {
      const { [id]: _hidden, ...rest } = get().usage
      set({ usage: rest })
    },
  }))
}

export type ProvidersStore = ReturnType<typeof createProvidersStore>
