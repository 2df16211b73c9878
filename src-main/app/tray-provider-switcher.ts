import type { MenuItemConstructorOptions } from 'electron'
import type { ProviderSummary } from '../../src-preload/contract'
import type { TrayController } from './tray'

/** The tray's "Active provider" submenu: one radio item per instance, the active one checked, disabled ones greyed. */
export function providerSwitcherSection(providers: ProviderSummary[], onSelect: (id: string) => void): MenuItemConstructorOptions[] {
  if (providers.length === 0) return []
  const active = providers.find((provider) => provider.active)
  return [
    {
      id: 'active-provider',
      label: active ? `Active provider: ${active.id}` : 'Active provider',
      submenu: providers.map((provider) => ({
        id: `provider:${provider.id}`,
        label: provider.enabled ? `${provider.id} (${provider.type})` : `${provider.id} (${provider.type}, disabled)`,
        type: 'radio' as const,
        checked: provider.active,
        enabled: provider.enabled,
        click: () => onSelect(provider.id),
      })),
    },
  ]
}

export interface ProviderSwitcherDeps {
  tray: Pick<TrayController, 'setSection'>
  listProviders(): Promise<ProviderSummary[]>
  setActiveProvider(id: string): Promise<unknown>
  /** Calls back after every change of the active provider, whoever made it (tray, admin UI, HTTP). */
  onActiveProviderChange(listener: () => void): () => void
  onError(error: unknown): void
}

/** Keeps the tray's provider submenu in step with the gateway; returns the function that stops it. */
export function connectProviderSwitcher(deps: ProviderSwitcherDeps): () => void {
  const render = async () => {
    try {
      deps.tray.setSection('providers', providerSwitcherSection(await deps.listProviders(), select))
    } catch (error) {
      deps.onError(error)
    }
  }
  const select = (id: string) => {
    deps.setActiveProvider(id).catch((error: unknown) => {
      deps.onError(error)
      void render() // put the radio mark back where it really is
    })
  }
  const unsubscribe = deps.onActiveProviderChange(() => void render())
  void render()
  return unsubscribe
}
