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
  }
}
