import type { MenuItemConstructorOptions } from 'electron'
import { pino } from 'pino'
import { describe, expect, it, vi } from 'vitest'
import { createAdminService } from '../core/admin/create-admin-service'
import { createActiveProvider } from '../core/pipeline/create-active-provider'
import type { ProviderConfig } from '../core/config/gateway-config-schema'
import { connectProviderSwitcher, providerSwitcherSection } from './tray-provider-switcher'

const configs: ProviderConfig[] = [
  { id: 'copilot', type: 'github-copilot', priority: 0, enabled: true },
  { id: 'ollama', type: 'openai-compatible', priority: 0, enabled: true },
  { id: 'old', type: 'anthropic', priority: 0, enabled: false },
]

const submenuOf = (section: MenuItemConstructorOptions[]) => section[0]!.submenu as MenuItemConstructorOptions[]

describe('tray provider switcher', () => {
  it('renders one radio item per instance, the active one checked and named in the label', () => {
    const section = providerSwitcherSection(
      [
        { id: 'copilot', type: 'github-copilot', enabled: true, active: false, signIn: false, usage: false },
        { id: 'ollama', type: 'openai-compatible', enabled: true, active: true, signIn: false, usage: false },
        { id: 'old', type: 'anthropic', enabled: false, active: false, signIn: false, usage: false },
      ],
      vi.fn(),
    )
    expect(section[0]!.label).toBe('Active provider: ollama')
    expect(submenuOf(section).map(({ label, checked, enabled, type }) => ({ label, checked, enabled, type }))).toEqual([
      { label: 'copilot (github-copilot)', checked: false, enabled: true, type: 'radio' },
      { label: 'ollama (openai-compatible)', checked: true, enabled: true, type: 'radio' },
      { label: 'old (anthropic, disabled)', checked: false, enabled: false, type: 'radio' },
    ])
    expect(providerSwitcherSection([], vi.fn())).toEqual([])
  })

  it('a click switches the gateway’s active provider, and a switch made elsewhere moves the check mark', async () => {
    const saved: string[] = []
    const activeProvider = createActiveProvider({ configs, initial: undefined, logger: pino({ level: 'silent' }), save: (id) => saved.push(id) })
    const admin = createAdminService({
      version: '0',
      mode: 'desktop',
      secretStore: 'memory',
      startedAt: new Date(0),
      now: () => new Date(0),
      address: () => undefined,
      logLevel: { get: () => 'info', set: () => {} },
      providerConfigs: configs,
      activeProvider,
    })
    const sections: MenuItemConstructorOptions[][][] = []
    const errors: unknown[] = []
    connectProviderSwitcher({
      tray: { setSection: (_name, items) => sections.push([items]) },
      listProviders: () => admin.listProviders({}),
      setActiveProvider: (id) => admin.setActiveProvider({ id }),
      onActiveProviderChange: (listener) => activeProvider.subscribe(listener),
      onError: (error) => errors.push(error),
    })
    const checked = () => submenuOf(sections.at(-1)![0]!).find((item) => item.checked)?.id
    await vi.waitFor(() => expect(checked()).toBe('provider:copilot'))

    ;(submenuOf(sections.at(-1)![0]!)[1]!.click as () => void)()
    await vi.waitFor(() => expect(checked()).toBe('provider:ollama'))
    expect(activeProvider.get()).toBe('ollama')
    expect(saved).toEqual(['ollama'])

    await admin.setActiveProvider({ id: 'copilot' }) // e.g. from the admin UI
    await vi.waitFor(() => expect(checked()).toBe('provider:copilot'))

    ;(submenuOf(sections.at(-1)![0]!)[2]!.click as () => void)() // a disabled one, should the OS let it through
    await vi.waitFor(() => expect(errors).toHaveLength(1))
    expect(activeProvider.get()).toBe('copilot')
  })
})
