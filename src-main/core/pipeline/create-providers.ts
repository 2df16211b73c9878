import type { Logger } from 'pino'
import type { ProviderConfig } from '../config/gateway-config-schema'
import { StartupError } from '../errors/startup-error'
import type { UpstreamHttpClient } from '../providers/http/upstream-http-client'
import { withInstanceTimeouts } from '../providers/http/with-instance-timeouts'
import type { Provider, ProviderDefinition } from '../providers/provider-definition'
import { checkEndpointUrl } from '../security/check-endpoint'
import { createInstanceSecrets } from '../secrets/instance-secrets'
import type { SecretStore } from '../secrets/secret-store'

/**
 * Instantiates the enabled provider instances of the config file, in configuration order.
 * An unknown `type`, or a `baseUrl` the SSRF guard refuses (a literal local IP or `localhost` without
 * `allowLocalEndpoints`; host names are checked per connection), stops start-up with a message naming the entry.
 */
export function createProviders(options: {
  configs: ProviderConfig[]
  definitions: readonly ProviderDefinition[]
  http: UpstreamHttpClient
  logger: Logger
  configFile?: string
  allowLocalEndpoints: boolean
  /** Where instances keep their OAuth tokens (each sees only its own names). */
  secrets: SecretStore
}): Provider[] {
  const byType = new Map(options.definitions.map((definition) => [definition.type, definition]))
  const where = options.configFile ? `Config file ${options.configFile}: ` : ''
  const providers: Provider[] = []
  options.configs.forEach((config, index) => {
    const definition = byType.get(config.type)
    if (!definition) {
      const known = [...byType.keys()].join(', ') || 'none yet'
      throw new StartupError(`${where}providers.${index}.type: unknown provider type "${config.type}" (known: ${known})`)
    }
    if (config.baseUrl !== undefined) {
      const check = checkEndpointUrl(config.baseUrl, { allowLocalEndpoints: options.allowLocalEndpoints })
      if (!check.ok) throw new StartupError(`${where}providers.${index}.baseUrl ${check.problem}`)
    }
    if (!config.enabled) return
    const http = withInstanceTimeouts(options.http, { firstByteTimeoutMs: config.firstByteTimeoutMs, idleTimeoutMs: config.idleTimeoutMs })
    providers.push(definition.create({ config, http, logger: options.logger.child({ instanceId: config.id }), secrets: createInstanceSecrets(options.secrets, config.id) }))
  })
  return providers
}
