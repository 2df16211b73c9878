import { gateway } from '@/features/connection/gateway'
import { createStatusStore } from './create-status-store'

export const useStatusStore = createStatusStore({ getStatus: () => gateway.getStatus() })
