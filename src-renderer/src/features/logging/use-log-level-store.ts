import { gateway } from '@/features/connection/gateway'
import { createLogLevelStore } from './create-log-level-store'

export const useLogLevelStore = createLogLevelStore({
  getLogLevel: () => gateway.getLogLevel(),
  setLogLevel: (input) => gateway.setLogLevel(input),
})
