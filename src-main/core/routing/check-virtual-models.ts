import type { ProviderConfig, VirtualModelConfig } from '../config/gateway-config-schema'
import { StartupError } from '../errors/startup-error'

/**
 * Start-up check of the config file's `virtualModels`: every upstream names a configured provider instance
 * (else a StartupError naming `virtualModels.N.upstreams.M.provider`), and no two virtual models share an id.
 */
export function checkVirtualModels(virtualModels: VirtualModelConfig[], providerConfigs: ProviderConfig[], configFile?: string): void {
  const where = configFile ? `Config file ${configFile}: ` : ''
  const instances = new Set(providerConfigs.map((config) => config.id))
  const seen = new Set<string>()
  virtualModels.forEach((virtualModel, index) => {
    if (seen.has(virtualModel.id)) throw new StartupError(`${where}virtualModels.${index}.id: duplicate virtual model id "${virtualModel.id}"`)
    seen.add(virtualModel.id)
    virtualModel.upstreams.forEach((upstream, upstreamIndex) => {
      if (instances.has(upstream.provider)) return
      const known = [...instances].join(', ') || 'none configured'
      throw new StartupError(`${where}virtualModels.${index}.upstreams.${upstreamIndex}.provider: unknown provider instance "${upstream.provider}" (known: ${known})`)
    })
  })
}
