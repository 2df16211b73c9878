import type { Logger } from 'pino'
import type { ProviderConfig } from '../config/gateway-config-schema'
import { GatewayError } from '../errors/gateway-error'

export interface ActiveProvider {
  /** The active instance's id; undefined when no instance is enabled. */
  get(): string | undefined
  /** Switches at once and calls `save`; an id naming no enabled instance throws `unknown_provider`. */
  set(id: string): void
  /** Called with the new id after every change (the tray's provider switcher follows the admin UI this way). */
  subscribe(listener: (id: string) => void): () => void
}

/**
 * The `activeProvider` setting at run time: the instance a bare model name is looked up on first
 * (resolve-route.ts). It starts at the setting, or at the first enabled instance in config order when the
 * setting is unset or names no enabled instance (then with a warning).
 */
export function createActiveProvider(options: {
  configs: ProviderConfig[]
  initial: string | undefined
  logger: Logger
  save: (id: string) => void
}): ActiveProvider {
  const enabled = options.configs.filter((config) => config.enabled).map((config) => config.id)
  let current = enabled[0]
  if (options.initial !== undefined) {
    if (enabled.includes(options.initial)) current = options.initial
    else options.logger.warn({ activeProvider: options.initial, using: current }, `activeProvider "${options.initial}" names no enabled provider instance; using ${current ? `"${current}"` : 'none'}`)
  }
  const listeners = new Set<(id: string) => void>()
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set(id) {
      if (!enabled.includes(id)) {
        const known = options.configs.find((config) => config.id === id)
        const reason = known ? `the provider instance "${id}" is disabled` : `no provider instance has the id "${id}"`
        throw new GatewayError({ status: 404, type: 'not_found', code: 'unknown_provider', message: `Cannot make it active: ${reason}. Enabled: ${enabled.join(', ') || 'none'}.` })
      }
      current = id
      options.save(id)
      options.logger.info({ activeProvider: id }, 'active provider changed')
      for (const listener of listeners) listener(id)
    },
  }
}
