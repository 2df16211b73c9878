import type { LogLevel, ProviderConfig } from '../config/gateway-config-schema'
import { GatewayError } from '../errors/gateway-error'
import type { ApprovalQueue } from '../limits/create-approval-queue'
import type { ActiveProvider } from '../pipeline/create-active-provider'
import type { SecretStoreKind } from '../secrets/secret-store'
import type { Provider } from '../providers/provider-definition'
import type { SignInManager } from '../sign-in/sign-in-manager'
import type { ModelCatalogue } from '../pipeline/model-catalogue'
import type { AdminService } from './admin-service'
import { listCatalogueModels, setCatalogueModelEnabled } from './model-admin'
import { readProviderUsage } from './read-provider-usage'

export interface AdminServiceDeps {
  version: string
  mode: 'desktop' | 'headless'
  secretStore: SecretStoreKind
  startedAt: Date
  now: () => Date
  /** Where the gateway listens; undefined until it has started. */
  address: () => { host: string; port: number; url: string } | undefined
  logLevel: { get(): LogLevel; set(level: LogLevel): void }
  /** The config file's provider instances, in order (only id, type and enabled are shown). */
  providerConfigs: ProviderConfig[]
  activeProvider: ActiveProvider
  /** Manual approval's queue; undefined when the gateway runs without `--manual`. */
  approvals?: ApprovalQueue
  /** Provider sign-ins (sign-in/sign-in-manager.ts); undefined: the sign-in channels answer `sign_in_unavailable`. */
  signIn?: SignInManager
  /** The running provider instances, for `providers:usage`. */
  providers?: ReadonlyMap<string, Provider>
  /** Provider types with an interactive sign-in (ProviderDefinition.signIn). */
  signInTypes?: ReadonlySet<string>
  /** The model catalogue, for `models:list` and `models:set-enabled`. */
  catalogue?: ModelCatalogue
}

export function createAdminService(deps: AdminServiceDeps): AdminService {
  return {
    getStatus: async () => {
      const address = deps.address()
      return {
        version: deps.version,
        endpoint: address?.url ?? '',
        host: address?.host ?? '',
        port: address?.port ?? 0,
        startedAt: deps.startedAt.toISOString(),
        uptimeSeconds: Math.max(0, Math.floor((deps.now().getTime() - deps.startedAt.getTime()) / 1000)),
        secretStore: deps.secretStore,
        mode: deps.mode,
      }
    },
    getLogLevel: async () => ({ level: deps.logLevel.get() }),
    setLogLevel: async ({ level }) => {
      deps.logLevel.set(level)
      return { level: deps.logLevel.get() }
    },
    listProviders: async () => {
      const active = deps.activeProvider.get()
      return deps.providerConfigs.map((config) => ({
        id: config.id,
        type: config.type,
        enabled: config.enabled,
        active: config.id === active,
        signIn: deps.signInTypes?.has(config.type) ?? false,
        usage: deps.providers?.get(config.id)?.usage !== undefined,
      }))
    },
    getActiveProvider: async () => ({ id: deps.activeProvider.get() ?? '' }),
    setActiveProvider: async ({ id }) => {
      deps.activeProvider.set(id)
      return { id: deps.activeProvider.get() ?? '' }
    },
    startSignIn: ({ instanceId }) => signIn(deps).start(instanceId),
    getSignInStatus: async ({ flowId }) => signIn(deps).status(flowId),
    cancelSignIn: async ({ flowId }) => signIn(deps).cancel(flowId),
    listSignIns: async () => signIn(deps).list(),
    getProviderUsage: ({ id }) => readProviderUsage(deps.providers ?? new Map(), id),
    listModels: async (input) => (deps.catalogue ? listCatalogueModels(deps.catalogue, input) : []),
    setModelEnabled: async (input) => {
      if (!deps.catalogue) throw new GatewayError({ status: 404, type: 'not_found', code: 'unknown_model', message: 'No provider instance is running.' })
      return setCatalogueModelEnabled(deps.catalogue, input)
    },
    listApprovals: async () => approvalsState(deps.approvals),
    decideApproval: async (input) => {
      const decision = input.decision === 'always-allow' ? { decision: input.decision, minutes: input.minutes ?? 10 } : input
      if (!deps.approvals?.decide(input.id, decision)) {
        throw new GatewayError({ status: 404, type: 'not_found', code: 'unknown_approval', message: `No request ${input.id} is waiting for approval (decided, timed out, or its client left).` })
      }
      return approvalsState(deps.approvals)
    },
  }
}

function signIn(deps: AdminServiceDeps): SignInManager {
  if (!deps.signIn) throw new GatewayError({ status: 501, type: 'internal', code: 'sign_in_unavailable', message: 'This gateway runs without provider sign-in.' })
  return deps.signIn
}

function approvalsState(queue: ApprovalQueue | undefined) {
  return { enabled: queue !== undefined, timeoutSeconds: queue ? queue.timeoutMs / 1000 : 0, pending: queue?.pending() ?? [] }
}
