import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pino, type Logger } from 'pino'
import { loadConfig, type LoadedConfig } from '../config/load-config'
import type { ProviderConfig } from '../config/gateway-config-schema'
import { StartupError } from '../errors/startup-error'
import { defaultPaths } from '../paths'
import { createUpstreamHttpClient, type UpstreamHttpClient } from '../providers/http/upstream-http-client'
import { withInstanceTimeouts } from '../providers/http/with-instance-timeouts'
import type { InstanceSecrets, ProviderDefinition } from '../providers/provider-definition'
import { createInstanceSecrets } from '../secrets/instance-secrets'
import { providerDefinitions } from '../providers/registry'
import { chooseSecretStore } from '../secrets/choose-secret-store'
import type { SecretStore, SecretStoreKind } from '../secrets/secret-store'
import { createSettingsRepository, openDatabase } from '../store'

export interface OpenProviderHostOptions {
  /** `--config <file>`; else OMNILLM_CONFIG, else the default file, as `omnillm start` reads it. */
  configFile?: string
  env?: NodeJS.ProcessEnv
  dataDir?: string
  configDir?: string
  /** `--secret-store`; else the same automatic choice `omnillm start` makes. */
  preferredSecretStore?: SecretStoreKind
  /** A ready store (tests). */
  secretStore?: SecretStore
  definitions?: readonly ProviderDefinition[]
  logger?: Logger
  /** CLI flags that change provider entries (`--github-token`, `--account-type`). */
  providerFlags?: { githubToken?: string; accountType?: string }
}

export interface ProviderHost {
  config: LoadedConfig
  definitions: readonly ProviderDefinition[]
  secrets: SecretStore
  http: UpstreamHttpClient
  logger: Logger
  /** One instance's area of the secret store. */
  secretsFor(instanceId: string): InstanceSecrets
  /** The instance entry: `id` when given (it must exist), else the first instance of `type`. */
  instance(selection: { type?: string; id?: string }): { config: ProviderConfig; definition: ProviderDefinition; http: UpstreamHttpClient }
  close(): Promise<void>
}

/**
 * What the one-shot commands (`omnillm auth`, `omnillm check-usage`) need to act on one provider instance
 * without starting the gateway: the same config file, data directory and secret store `omnillm start`
 * uses, so what they store is what a later start reads.
 */
export async function openProviderHost(options: OpenProviderHostOptions = {}): Promise<ProviderHost> {
  const env = options.env ?? process.env
  const defaults = defaultPaths(env)
  const dataDir = options.dataDir ?? defaults.dataDir
  const configDir = options.configDir ?? defaults.configDir
  const logger = options.logger ?? pino({ level: 'silent' })
  const config = await loadConfig({
    flags: { ...(options.configFile ? { config: options.configFile } : {}), ...options.providerFlags },
    env,
    defaultConfigFile: join(configDir, 'config.json'),
    storedSettings: readStoredSettings(join(dataDir, 'omnillm.db')),
  })
  const definitions = options.definitions ?? providerDefinitions
  const secrets = options.secretStore ?? (await chooseSecretStore({ preferred: options.preferredSecretStore, dataDir, secretsDir: configDir, logger }))
  const http = createUpstreamHttpClient({ allowLocalEndpoints: config.settings.allowLocalEndpoints })
  const where = config.configFile ? `in ${config.configFile}` : '(no config file found)'

  return {
    config,
    definitions,
    secrets,
    http,
    logger,
    secretsFor: (instanceId) => createInstanceSecrets(secrets, instanceId),
    instance({ type, id }) {
      const entry = id !== undefined ? config.providers.find((provider) => provider.id === id) : config.providers.find((provider) => provider.type === type)
      if (!entry) {
        throw new StartupError(
          id !== undefined
            ? `no provider instance has the id "${id}" ${where}`
            : `no provider instance of type "${type}" ${where}; add one ({"type": "${type}"} under "providers") or name it with --id`,
        )
      }
      if (type !== undefined && entry.type !== type) throw new StartupError(`provider instance "${entry.id}" is of type "${entry.type}", not "${type}"`)
      const definition = definitions.find((candidate) => candidate.type === entry.type)
      if (!definition) throw new StartupError(`unknown provider type "${entry.type}" (known: ${definitions.map((known) => known.type).join(', ')})`)
      return { config: entry, definition, http: withInstanceTimeouts(http, { firstByteTimeoutMs: entry.firstByteTimeoutMs, idleTimeoutMs: entry.idleTimeoutMs }) }
    },
    close: () => http.close(),
  }
}

/** Settings saved through the admin UI (allowLocalEndpoints …), as `omnillm start` layers them; none without a database yet. */
function readStoredSettings(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {}
  const database = openDatabase(file)
  try {
    return createSettingsRepository(database).all()
  } finally {
    database.close()
  }
}
