import type { Logger } from 'pino'
import type { ProviderConfig } from '../config/gateway-config-schema'
import { StartupError } from '../errors/startup-error'
import type { UpstreamHttpClient } from '../providers/http/upstream-http-client'
import type { Provider, ProviderDefinition } from '../providers/provider-definition'

/**
 * Instantiates the enabled provider instances of the config file, in configuration order.
 * An unknown `type` stops start-up with a message naming the entry.
 */
export function createProviders(options: {
  configs: ProviderConfig[]
  definitions: readonly ProviderDefinition[]
  http: UpstreamHttpClient
  logger: Logger
  configFile?: string
}): Provider[] {
  const byType = new Map(options.definitions.map((definition) => [definition.type, definition]))
  const providers: Provider[] = []
  options.configs.forEach((config, index) => {
    const definition = byType.get(config.type)
    if (!definition) {
      const where = options.configFile ? `Config file ${options.configFile}: ` : ''
      const known = [...byType.keys()].join(', ') || 'none yet'
      throw new StartupError(`${where}providers.${index}.type: unknown provider type "${config.type}" (known: ${known})`)
    }
    if (!config.enabled) return
    providers.push(definition.create({ config, http: options.http, logger: options.logger.child({ instanceId: config.id }) }))
  })
  return providers
}
