import type { MenuItemConstructorOptions } from 'electron'

export interface TrayMenuState {
  /** The gateway's base URL, e.g. http://127.0.0.1:5000 */
  endpoint: string
  onOpen: () => void
  onCopyEndpoint: () => void
  onQuit: () => void
  /** Extra groups (e.g. provider switching), shown between the actions and Quit, each fenced by separators. */
  extraSections?: MenuItemConstructorOptions[][]
}

/** The tray menu as data: a status line, Open / Copy endpoint, any extra sections, then Quit. */
export function buildTrayMenuTemplate(state: TrayMenuState): MenuItemConstructorOptions[] {
  return joinMenuSections([
    [{ id: 'status', label: `OmniLLM — ${state.endpoint}`, enabled: false }],
    [
      { id: 'open', label: 'Open OmniLLM', click: () => state.onOpen() },
      { id: 'copy-endpoint', label: 'Copy endpoint', click: () => state.onCopyEndpoint() },
    ],
    ...(state.extraSections ?? []),
    [{ id: 'quit', label: 'Quit OmniLLM', accelerator: 'CommandOrControl+Q', click: () => state.onQuit() }],
  ])
}

/** Flattens groups of items into one menu with a separator between non-empty groups. */
export function joinMenuSections(sections: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  for (const section of sections) {
    if (section.length === 0) continue
    if (items.length > 0) items.push({ type: 'separator' })
    items.push(...section)
  }
  return items
}

/** The slice of Electron's Tray the shell uses. */
export interface TrayLike<Menu> {
  setToolTip(toolTip: string): void
  setContextMenu(menu: Menu): void
  on(event: 'click', listener: () => void): unknown
  destroy(): void
}

/** Electron's collaborators behind plain functions: `new Tray(path)`, `Menu.buildFromTemplate`, `clipboard`. */
export interface TrayDeps<Menu> {
  createTray(iconPath: string): TrayLike<Menu>
  buildMenu(template: MenuItemConstructorOptions[]): Menu
  clipboard: { writeText(text: string): void }
}

export interface TrayOptions {
  iconPath: string
  endpoint: string
  onOpen: () => void
  onQuit: () => void
}

export interface TrayController {
  /** Rebuilds the menu, e.g. when the endpoint or the extra sections change. */
  update(changes: Partial<Pick<TrayMenuState, 'endpoint' | 'extraSections'>>): void
  /** Sets one named group of items (the provider switcher, the approvals line), keeping the others. */
  setSection(name: string, items: MenuItemConstructorOptions[]): void
  destroy(): void
}

export function createTray<Menu>(deps: TrayDeps<Menu>, options: TrayOptions): TrayController {
  const tray = deps.createTray(options.iconPath)
  const state: TrayMenuState = {
    endpoint: options.endpoint,
    onOpen: options.onOpen,
    onCopyEndpoint: () => deps.clipboard.writeText(state.endpoint),
    onQuit: options.onQuit,
  }
  const render = () => {
    tray.setToolTip(`OmniLLM — ${state.endpoint}`)
    tray.setContextMenu(deps.buildMenu(buildTrayMenuTemplate(state)))
  }
  // Windows and most Linux trays: a left click opens the window; macOS shows the menu instead.
  tray.on('click', () => options.onOpen())
  render()
  const sections = new Map<string, MenuItemConstructorOptions[]>()
  return {
    update(changes) {
      Object.assign(state, changes)
      render()
    },
    setSection(name, items) {
      sections.set(name, items)
      state.extraSections = [...sections.values()]
      render()
    },
    destroy: () => tray.destroy(),
  }
}
