import { create } from 'zustand'
import type { CatalogueModel } from '../../../../src-preload/contract'
import { toClientErrorInfo } from '@/lib/gateway-client-error'

type ErrorInfo = { code: string; message: string }

/** `instance:model`, the name clients use for it, and the key of a row. */
export const modelKey = (model: Pick<CatalogueModel, 'instanceId' | 'id'>) => `${model.instanceId}:${model.id}`

export interface ModelsState {
  /** Null until the first answer. */
  models: CatalogueModel[] | null
  loading: boolean
  /** A Refresh (the instances are asked again) is on the way. */
  refreshing: boolean
  /** Listing failed. */
  error: ErrorInfo | null
  /** The last failed toggle, with the model it was for. */
  toggleError: (ErrorInfo & { key: string }) | null
  /** Keys (`modelKey`) with a toggle on the way. */
  toggling: string[]
  filter: string
  load: () => Promise<void>
  refresh: () => Promise<void>
  setEnabled: (model: Pick<CatalogueModel, 'instanceId' | 'id'>, enabled: boolean) => Promise<void>
  setFilter: (filter: string) => void
}

export interface ModelsStoreDeps {
  listModels: (input: { refresh?: boolean }) => Promise<CatalogueModel[]>
  setModelEnabled: (input: { instanceId: string; model: string; enabled: boolean }) => Promise<CatalogueModel[]>
}

export function createModelsStore(deps: ModelsStoreDeps) {
  // Every answer that replaces the whole list bumps this; a slower, older answer is dropped.
  let generation = 0

  const replaceList = async (set: (partial: Partial<ModelsState>) => void, list: () => Promise<CatalogueModel[]>) => {
    const mine = ++generation
    try {
      const models = await list()
      if (mine === generation) set({ models, error: null })
    } catch (error) {
      if (mine === generation) set({ error: toClientErrorInfo(error) })
    }
  }

  return create<ModelsState>()((set, get) => ({
    models: null,
    loading: false,
    refreshing: false,
    error: null,
    toggleError: null,
    toggling: [],
    filter: '',

    async load() {
      set({ loading: true })
      await replaceList(set, () => deps.listModels({}))
      set({ loading: false })
    },

    async refresh() {
      set({ refreshing: true })
      await replaceList(set, () => deps.listModels({ refresh: true }))
      set({ refreshing: false })
    },

    async setEnabled(model, enabled) {
      const key = modelKey(model)
      const flip = (value: boolean) =>
        get().models?.map((candidate) => (modelKey(candidate) === key ? { ...candidate, enabled: value } : candidate)) ?? null
      // The switch moves at once; the gateway's answer (the whole list) confirms it, a failure puts it back.
      set({ models: flip(enabled), toggling: [...get().toggling, key], toggleError: null })
      const mine = ++generation
      try {
        const models = await deps.setModelEnabled({ instanceId: model.instanceId, model: model.id, enabled })
        if (mine === generation) set({ models })
      } catch (error) {
        set({ models: flip(!enabled), toggleError: { key, ...toClientErrorInfo(error) } })
      } finally {
        set({ toggling: get().toggling.filter((candidate) => candidate !== key) })
      }
    },

    setFilter(filter) {
      set({ filter })
    },
  }))
}

export type ModelsStore = ReturnType<typeof createModelsStore>
