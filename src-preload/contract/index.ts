import type { Contract, ContractInput, ContractOutput, ContractResult } from './define-contract'
import { approvalsDecide, approvalsList } from './approvals'
import { gatewayGetStatus } from './gateway'
import { modelsList, modelsSetEnabled } from './models'
import { providersGetActive, providersList, providersSetActive } from './providers'
import { settingsGetLogLevel, settingsSetLogLevel } from './settings'
import { signInCancel, signInList, signInStart, signInStatus } from './sign-in'
import { providersUsage } from './usage'

export * from './approvals'
export * from './define-contract'
export * from './gateway'
export * from './models'
export * from './providers'
export * from './settings'
export * from './sign-in'
export * from './usage'

/**
 * THE list of admin operations. The key is the method name on `window.omnillm` and on the renderer's
 * gateway client; the contract's channel is the IPC channel and the /api/admin/<channel> path.
 */
export const contracts = {
  getStatus: gatewayGetStatus,
  getLogLevel: settingsGetLogLevel,
  setLogLevel: settingsSetLogLevel,
  listProviders: providersList,
  getActiveProvider: providersGetActive,
  setActiveProvider: providersSetActive,
  listApprovals: approvalsList,
  decideApproval: approvalsDecide,
  listModels: modelsList,
  setModelEnabled: modelsSetEnabled,
  startSignIn: signInStart,
  getSignInStatus: signInStatus,
  cancelSignIn: signInCancel,
  listSignIns: signInList,
  getProviderUsage: providersUsage,
} as const satisfies Record<string, Contract>

export type Contracts = typeof contracts
export type ContractName = keyof Contracts

/** What the preload exposes as `window.omnillm` (and what the HTTP client implements in a browser). */
export type AdminApi = {
  [K in ContractName]: (input?: ContractInput<Contracts[K]>) => Promise<ContractResult<ContractOutput<Contracts[K]>>>
}
