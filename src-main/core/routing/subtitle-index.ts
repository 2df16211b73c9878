import type { ProviderConfig } from '../config/gateway-config-schema'
import { StartupError } from '../errors/startup-error'

/**
 * Instance subtitles (`subtitle:model` prefixes), lower-cased → instance id. A subtitle that another instance
 * has too, or that is some instance's id, would make a prefix ambiguous and stops start-up.
 */
export function indexSubtitles(configs: ProviderConfig[], configFile?: string): Map<string, string> {
  const where = configFile ? `Config file ${configFile}: ` : ''
  const ids = new Set(configs.map((config) => config.id.toLowerCase()))
  const index = new Map<string, string>()
  configs.forEach((config, position) => {
    if (config.subtitle === undefined) return
    const key = config.subtitle.toLowerCase()
    const taken = index.get(key) ?? (ids.has(key) && key !== config.id.toLowerCase() ? key : undefined)
    if (taken !== undefined) throw new StartupError(`${where}providers.${position}.subtitle: "${config.subtitle}" is already the id or subtitle of provider "${taken}"`)
    index.set(key, config.id)
  })
  return index
}
