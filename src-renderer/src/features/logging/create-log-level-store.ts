import { create } from 'zustand'
import type { LogLevelValue } from '../../../../src-preload/contract'
import { toClientErrorInfo } from '@/lib/gateway-client-error'

export interface LogLevelState {
  level: LogLevelValue | null
  saving: boolean
  error: { code: string; message: string } | null
  load: () => Promise<void>
  change: (level: LogLevelValue) => Promise<void>
}

export interface LogLevelStoreDeps {
  getLogLevel: () => Promise<{ level: LogLevelValue }>
  setLogLevel: (input: { level: LogLevelValue }) => Promise<{ level: LogLevelValue }>
}

export function createLogLevelStore(deps: LogLevelStoreDeps) {
  return create<LogLevelState>()((set) => ({
    level: null,
    saving: false,
    error: null,
    async load() {
      try {
        set({ level: (await deps.getLogLevel()).level, error: null })
      } catch (error) {
        set({ error: toClientErrorInfo(error) })
      }
    },
    async change(level) {
      set({ saving: true })
      try {
        set({ level: (await deps.setLogLevel({ level })).level, error: null })
      } catch (error) {
        set({ error: toClientErrorInfo(error) })
      } finally {
        set({ saving: false })
      }
    },
  }))
}
