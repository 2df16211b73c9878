import { gateway } from '@/features/connection/gateway'
import { createModelsStore } from './create-models-store'

export const useModelsStore = createModelsStore({
  listModels: (input) => gateway.listModels(input),
  setModelEnabled: (input) => gateway.setModelEnabled(input),
})
