import { join } from 'node:path'
import type { Logger } from 'pino'
import { resolveApiKey, type ResolvedApiKey } from '../auth/resolve-api-key'
import { loadConfig, type CliFlags, type LoadedConfig } from '../config/load-config'
import { createGateway, type Gateway } from '../create-gateway'
import { createLogger, type GatewayLogger } from '../logs/create-logger'
import { StartupError } from '../errors/startup-error'
import { defaultPaths } from '../paths'
import { chooseSecretStore } from '../secrets/choose-secret-store'
import type { SecretStore, SecretStoreKind } from '../secrets/secret-store'
import { createSettingsRepository, openDatabase } from '../store'

export interface StartGatewayHostOptions {
  mode: 'desktop' | 'headless'
  /** Database, logs, encrypted secrets. Default: OMNILLM_DATA_DIR or ~/.local/share/omnillm. */
  dataDir?: string
  /** Config file, API key file, secrets key. Default: ~/.config/omnillm. */
  configDir?: string
  flags?: Partial<CliFlags>
  env?: NodeJS.ProcessEnv
  rendererDir?: string
  /** A ready store (tests, or a host with its own keychain); else chosen automatically. */
  secretStore?: SecretStore
  preferredSecretStore?: SecretStoreKind
  /** Human-readable log lines go here (the CLI passes process.stdout). */
  console?: { write(text: string): unknown }
}

export interface GatewayHost {
  gateway: Gateway
  url: string
  apiKey: string
  apiKeySource: ResolvedApiKey
  config: LoadedConfig
  logger: Logger
  gatewayLogger: GatewayLogger
  stop(): Promise<void>
}

/**
 * Everything both hosts do to bring the gateway up, in order: paths → database (and its stored settings)
 * → config (flags > env > file > stored > defaults) → inbound API key → logger → secret store →
 * gateway → listen. Any StartupError on the way is the one line the host prints before exiting.
 */
export async function startGatewayHost(options: StartGatewayHostOptions): Promise<GatewayHost> {
  const env = options.env ?? process.env
  const defaults = defaultPaths(env)
  const dataDir = options.dataDir ?? defaults.dataDir
  const configDir = options.configDir ?? defaults.configDir

  const database = openDatabase(join(dataDir, 'omnillm.db'))
  try {
    const settingsRepository = createSettingsRepository(database)
    const config = await loadConfig({
      flags: options.flags,
      env,
      defaultConfigFile: join(configDir, 'config.json'),
      storedSettings: settingsRepository.all(),
    })
    checkActiveProvider(config)
    const apiKey = await resolveApiKey({ flag: options.flags?.apiKey, env, keyFile: join(configDir, 'api-key') })

    const gatewayLogger = createLogger({ level: config.settings.logLevel, dataDir, console: options.console })
    gatewayLogger.registerSecret(apiKey.key)
    for (const provider of config.providers) gatewayLogger.registerSecret(provider.apiKey)
    const logger = gatewayLogger.logger
    for (const warning of config.warnings) logger.warn(warning)
    if (config.configFile) logger.info({ file: config.configFile }, 'config file loaded')

    const secrets =
      options.secretStore ??
      (await chooseSecretStore({ preferred: options.preferredSecretStore, dataDir, secretsDir: configDir, logger }))

    const gateway = createGateway({
      settings: config.settings,
      apiKey: apiKey.key,
      mode: options.mode,
      logger: gatewayLogger,
      secrets,
      database,
      providers: config.providers,
      virtualModels: config.virtualModels,
      configFile: config.configFile,
      rendererDir: options.rendererDir,
    })
    const address = await gateway.start()
    logApiKeyLocation(logger, apiKey)

    let stopping: Promise<void> | undefined
    return {
      gateway,
      url: address.url,
      apiKey: apiKey.key,
      apiKeySource: apiKey,
      config,
      logger,
      gatewayLogger,
      stop: () =>
        (stopping ??= (async () => {
          await gateway.stop()
          await gatewayLogger.close()
          database.close()
        })()),
    }
  } catch (error) {
    database.close()
    throw error
  }
}

/** A flag, env var or config file naming no enabled instance is a typo to stop on; a stale stored value only warns later. */
function checkActiveProvider(config: LoadedConfig): void {
  const id = config.settings.activeProvider
  const source = config.sources.activeProvider
  if (id === undefined || source === 'stored' || source === 'default') return
  const enabled = config.providers.filter((provider) => provider.enabled).map((provider) => provider.id)
  if (enabled.includes(id)) return
  const where = { flag: '--active-provider', env: 'OMNILLM_ACTIVE_PROVIDER', file: `settings.activeProvider in ${config.configFile}` }[source]
  throw new StartupError(`${where}: "${id}" names no enabled provider instance (enabled: ${enabled.join(', ') || 'none'})`)
}

/** Says where the key is, never the key itself (`omnillm token` prints it on purpose). */
function logApiKeyLocation(logger: Logger, apiKey: ResolvedApiKey): void {
  const where = {
    flag: 'from --api-key',
    env: 'from OMNILLM_API_KEY',
    file: `from ${apiKey.file}`,
    generated: `generated and saved to ${apiKey.file} (mode 0600)`,
  }[apiKey.source]
  logger.info(`API key ${where}; clients send it as "Authorization: Bearer <key>" or "x-api-key: <key>"`)
}
