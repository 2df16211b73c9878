import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildTrayMenuTemplate, createTray, joinMenuSections, type TrayLike } from './tray'

const endpoint = 'http://127.0.0.1:5000'

function click(items: MenuItemConstructorOptions[], id: string): void {
  const item = items.find((candidate) => candidate.id === id)
  if (!item?.click) throw new Error(`no clickable item ${id}`)
  ;(item.click as () => void)()
}

describe('buildTrayMenuTemplate', () => {
  it('shows a disabled status line, Open, Copy endpoint and Quit, separated into groups', () => {
    const template = buildTrayMenuTemplate({ endpoint, onOpen: vi.fn(), onCopyEndpoint: vi.fn(), onQuit: vi.fn() })
    expect(template.map((item) => item.type ?? item.label)).toEqual([
      'OmniLLM — http://127.0.0.1:5000',
      'separator',
      'Open OmniLLM',
      'Copy endpoint',
      'separator',
      'Quit OmniLLM',
    ])
    expect(template[0]).toMatchObject({ id: 'status', enabled: false })
  })

  it('wires each action to its callback', () => {
    const callbacks = { onOpen: vi.fn(), onCopyEndpoint: vi.fn(), onQuit: vi.fn() }
    const template = buildTrayMenuTemplate({ endpoint, ...callbacks })
    click(template, 'open')
    click(template, 'copy-endpoint')
    click(template, 'quit')
    expect(callbacks.onOpen).toHaveBeenCalledOnce()
    expect(callbacks.onCopyEndpoint).toHaveBeenCalledOnce()
    expect(callbacks.onQuit).toHaveBeenCalledOnce()
  })

  it('puts extra sections between the actions and Quit', () => {
    const template = buildTrayMenuTemplate({
      endpoint,
      onOpen: vi.fn(),
      onCopyEndpoint: vi.fn(),
      onQuit: vi.fn(),
      extraSections: [[{ id: 'provider:openai', label: 'OpenAI', type: 'radio', checked: true }], []],
    })
    expect(template.map((item) => item.id ?? item.type)).toEqual(['status', 'separator', 'open', 'copy-endpoint', 'separator', 'provider:openai', 'separator', 'quit'])
  })
})

describe('joinMenuSections', () => {
  it('skips empty sections and never leads or trails with a separator', () => {
    expect(joinMenuSections([[], [{ label: 'a' }], [], [{ label: 'b' }], []])).toEqual([{ label: 'a' }, { type: 'separator' }, { label: 'b' }])
  })
})

describe('createTray', () => {
  function setUp() {
    const menus: MenuItemConstructorOptions[][] = []
    const listeners = new Map<string, () => void>()
    const tray: TrayLike<MenuItemConstructorOptions[]> = {
      setToolTip: vi.fn(),
      setContextMenu: vi.fn(),
      on: (event, listener) => listeners.set(event, listener),
      destroy: vi.fn(),
    }
    const createTrayIcon = vi.fn(() => tray)
    const clipboard = { writeText: vi.fn() }
    const onOpen = vi.fn()
    const onQuit = vi.fn()
    const controller = createTray(
      {
        createTray: createTrayIcon,
        buildMenu: (template) => {
          menus.push(template)
          return template
        },
        clipboard,
      },
      { iconPath: '/resources/tray/tray.png', endpoint, onOpen, onQuit },
    )
    return { controller, tray, menus, listeners, createTrayIcon, clipboard, onOpen, onQuit }
  }

  it('creates the icon with its menu and tooltip', () => {
    const { tray, menus, createTrayIcon } = setUp()
    expect(createTrayIcon).toHaveBeenCalledWith('/resources/tray/tray.png')
    expect(tray.setToolTip).toHaveBeenCalledWith('OmniLLM — http://127.0.0.1:5000')
    expect(tray.setContextMenu).toHaveBeenCalledWith(menus[0])
  })

  it('copies the endpoint with clipboard.writeText, and opens on a left click', () => {
    const { menus, listeners, clipboard, onOpen, onQuit } = setUp()
    click(menus[0] ?? [], 'copy-endpoint')
    expect(clipboard.writeText).toHaveBeenCalledWith(endpoint)
    listeners.get('click')?.()
    expect(onOpen).toHaveBeenCalledOnce()
    click(menus[0] ?? [], 'quit')
    expect(onQuit).toHaveBeenCalledOnce()
  })

  it('rebuilds the menu on update, and copies the new endpoint', () => {
    const { controller, menus, clipboard, tray } = setUp()
    controller.update({ endpoint: 'http://127.0.0.1:5001' })
    expect(menus).toHaveLength(2)
    expect(menus[1]?.[0]?.label).toBe('OmniLLM — http://127.0.0.1:5001')
    click(menus[1] ?? [], 'copy-endpoint')
    expect(clipboard.writeText).toHaveBeenCalledWith('http://127.0.0.1:5001')
    controller.destroy()
    expect(tray.destroy).toHaveBeenCalledOnce()
  })
  it('keeps named sections apart: setting one leaves the others, in the order they first came', () => {
    const { controller, menus } = setUp()
    controller.setSection('providers', [{ id: 'active-provider', label: 'Active provider' }])
    controller.setSection('approvals', [{ id: 'approvals', label: '1 request waiting for approval…' }])
    controller.setSection('providers', [{ id: 'active-provider', label: 'Active provider: ollama' }])
    const ids = menus.at(-1)!.map((item) => item.id ?? item.type)
    expect(ids).toEqual(['status', 'separator', 'open', 'copy-endpoint', 'separator', 'active-provider', 'separator', 'approvals', 'separator', 'quit'])
    expect(menus.at(-1)!.find((item) => item.id === 'active-provider')!.label).toBe('Active provider: ollama')
    controller.setSection('approvals', [])
    expect(menus.at(-1)!.some((item) => item.id === 'approvals')).toBe(false)
  })
})
