import { gateway } from '@/features/connection/gateway'
import { createApprovalsStore } from './create-approvals-store'

export const useApprovalsStore = createApprovalsStore({
  listApprovals: () => gateway.listApprovals(),
  decideApproval: (input) => gateway.decideApproval(input),
})
