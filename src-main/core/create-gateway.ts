import type { Database } from 'better-sqlite3'
import type { Hono } from 'hono'
import type { AdminService } from './admin/admin-service'
import { createAdminService } from './admin/create-admin-service'
import { logLevelSchema, type ProviderConfig, type Settings, type VirtualModelConfig } from './config/gateway-config-schema'
import { createHttpApp } from './http/create-http-app'
import type { GatewayEnv } from './http/gateway-env'
import { isLoopbackHostname } from './http/middleware/host-guard'
import { listen, type ListeningServer } from './http/serve'
import type { GatewayLogger } from './logs/create-logger'
import { createApprovalQueue, type ApprovalQueue } from './limits/create-approval-queue'
import { createActiveProvider, type ActiveProvider } from './pipeline/create-active-provider'
import { createGatewayPipeline } from './pipeline/create-gateway-pipeline'
import { createUpstreamHttpClient } from './providers/http/upstream-http-client'
import { createCachedSecretStore } from './secrets/cached-secret-store'
import { registerSecretsWithLogger } from './secrets/register-secrets-with-logger'
import { createSignInManager } from './sign-in/sign-in-manager'
import type { ProviderDefinition } from './providers/provider-definition'
import { providerDefinitions } from './providers/registry'
import type { SecretStore } from './secrets/secret-store'
import { createDisabledModelRepository, createOpenAiResponseRepository, createRequestLogRepository, createSettingsRepository } from './store'
import { VERSION } from './version'

/** What a host (the CLI or the Electron shell) hands the core. The core reaches nothing else. */
export interface GatewayDeps {
  settings: Settings
  apiKey: string
  mode: 'desktop' | 'headless'
  logger: GatewayLogger
  secrets: SecretStore
  database: Database
  /** Provider instances from the config file (their `apiKey` already resolved). */
  providers?: ProviderConfig[]
  /** Virtual models from the config file (routing/select-candidates.ts). */
  virtualModels?: VirtualModelConfig[]
  /** For error messages about provider entries. */
  configFile?: string
  /** Defaults to every registered provider type (providers/registry.ts). */
  providerDefinitions?: readonly ProviderDefinition[]
  /** The built renderer to serve at /admin/ (headless). */
  rendererDir?: string
  version?: string
  now?: () => Date
}

export interface GatewayAddress {
  host: string
  port: number
  url: string
}

export interface Gateway {
  readonly app: Hono<GatewayEnv>
  readonly admin: AdminService
  /** Manual approval's queue (`--manual`); undefined when it is off. The headless host prompts from it. */
  readonly approvals: ApprovalQueue | undefined
  /** The instance bare model names go to first; the tray's switcher subscribes to its changes. */
  readonly activeProvider: ActiveProvider
  /** Where it listens, once started. */
  address(): GatewayAddress | undefined
  start(): Promise<GatewayAddress>
  /** Graceful: stops accepting, drains in-flight requests (up to settings.shutdownTimeoutMs). */
  stop(): Promise<void>
}

export function isLoopbackHost(host: string): boolean {
  return isLoopbackHostname(host.startsWith('[') || !host.includes(':') ? host.toLowerCase() : `[${host.toLowerCase()}]`)
}

const RESPONSE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000

export function createGateway(deps: GatewayDeps): Gateway {
  const now = deps.now ?? (() => new Date())
  const startedAt = now()
  const version = deps.version ?? VERSION
  const logger = deps.logger.logger
  let server: ListeningServer | undefined
  let pruneTimer: ReturnType<typeof setInterval> | undefined

  const address = () => (server ? { host: server.host, port: server.port, url: server.url } : undefined)
  const settingsRepository = createSettingsRepository(deps.database)
  const logLevel = {
    get: () => logLevelSchema.parse(logger.level),
    set: (level: Settings['logLevel']) => {
      deps.logger.setLevel(level)
      settingsRepository.set('logLevel', level)
      logger.info({ level }, 'log level changed')
    },
  }
  const providerConfigs = deps.providers ?? []
  const activeProvider = createActiveProvider({
    configs: providerConfigs,
    initial: deps.settings.activeProvider,
    logger,
    save: (id) => settingsRepository.set('activeProvider', id),
  })
  const approvals = deps.settings.manualApproval ? createApprovalQueue({ timeoutMs: deps.settings.manualApprovalTimeoutSeconds * 1000 }) : undefined
  const definitions = deps.providerDefinitions ?? providerDefinitions
  const secrets = registerSecretsWithLogger(createCachedSecretStore(deps.secrets), deps.logger.registerSecret)
  const http = createUpstreamHttpClient({ allowLocalEndpoints: deps.settings.allowLocalEndpoints })
  const signIn = createSignInManager({ configs: providerConfigs, definitions, http, secrets, logger })
  const pipeline = createGatewayPipeline({
    disabledModels: createDisabledModelRepository(deps.database),
    providerConfigs,
    definitions,
    logger,
    configFile: deps.configFile,
    virtualModels: deps.virtualModels,
    allowLocalEndpoints: deps.settings.allowLocalEndpoints,
    http,
    secrets,
    activeInstanceId: activeProvider.get,
  })
  // A sign-in changes what the instance may list (a new account, another plan): ask it again.
  signIn.onChange((state) => {
    if (state.status === 'succeeded') pipeline.catalogue.invalidate()
  })
  const admin = createAdminService({ version, mode: deps.mode, secretStore: deps.secrets.kind, startedAt, now, address, logLevel, providerConfigs, activeProvider, approvals, signIn, providers: pipeline.providers,
    catalogue: pipeline.catalogue,
    signInTypes: new Set(definitions.filter((definition) => definition.signIn).map((definition) => definition.type)),
  })
  const responses = createOpenAiResponseRepository(deps.database)
  const app = createHttpApp({
    apiKey: deps.apiKey,
    version,
    startedAt,
    now,
    logger,
    admin,
    maxBodyBytes: deps.settings.maxBodyBytes,
    loopbackOnly: isLoopbackHost(deps.settings.host),
    requestLogRepository: createRequestLogRepository(deps.database),
    scrubSecrets: deps.logger.scrub,
    rendererDir: deps.rendererDir,
    pipeline,
    responses,
    rateLimit: deps.settings,
    circuitBreaker: deps.settings,
    approvals,
    showToken: deps.settings.showToken,
    activeProviderId: activeProvider.get,
    adminEvents: (send) => {
      const stopSignIn = signIn.onChange((state) => send('sign-in', state))
      const stopApprovals = approvals?.subscribe((event) => send('approval', event))
      return () => {
        stopSignIn()
        stopApprovals?.()
      }
    },
  })

  return {
    app,
    admin,
    approvals,
    activeProvider,
    address,
    async start() {
      if (server) return address()!
      const { host, port } = deps.settings
      if (!isLoopbackHost(host)) {
        logger.warn(
          { host },
          `Listening on ${host}, which is reachable from other machines. The API key is the only protection: keep it secret, and prefer 127.0.0.1 with an SSH tunnel or a reverse proxy with TLS.`,
        )
      }
      server = await listen(app, host, port, {
        idleMemoryReleaseSeconds: deps.settings.idleMemoryReleaseSeconds,
        onMemoryReleased: ({ rssBeforeBytes, rssAfterBytes, durationMs }) =>
          logger.debug({ rssBeforeMb: mb(rssBeforeBytes), rssAfterMb: mb(rssAfterBytes), durationMs: Math.round(durationMs) }, 'idle: heap shrunk back'),
      })
      // Stored Responses API answers are kept 30 days, as OpenAI keeps them.
      const prune = () => responses.prune(new Date(now().getTime() - RESPONSE_RETENTION_MS))
      prune()
      pruneTimer = setInterval(prune, 24 * 60 * 60 * 1000)
      pruneTimer.unref()
      logger.info({ url: server.url, version, mode: deps.mode }, `omnillm listening on ${server.url}`)
      return address()!
    },
    async stop() {
      if (!server) return
      const current = server
      clearInterval(pruneTimer)
      logger.info('stopping: draining in-flight requests')
      await current.close(deps.settings.shutdownTimeoutMs)
      signIn.close()
      await pipeline.close()
      logger.info('stopped')
    },
  }
}

const mb = (bytes: number) => Math.round(bytes / 1048576)
