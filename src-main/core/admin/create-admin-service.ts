import type { LogLevel } from '../config/gateway-config-schema'
import type { SecretStoreKind } from '../secrets/secret-store'
import type { AdminService } from './admin-service'

export interface AdminServiceDeps {
  version: string
  mode: 'desktop' | 'headless'
  secretStore: SecretStoreKind
  startedAt: Date
  now: () => Date
  /** Where the gateway listens; undefined until it has started. */
  address: () => { host: string; port: number; url: string } | undefined
  logLevel: { get(): LogLevel; set(level: LogLevel): void }
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
  }
}
