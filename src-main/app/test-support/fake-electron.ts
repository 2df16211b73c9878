import { EventEmitter } from 'node:events'
import type { MenuItemConstructorOptions } from 'electron'
import { vi } from 'vitest'

/**
 * Just enough of the `electron` module for main.ts to run in plain Node under vitest:
 * `vi.mock('electron', async () => (await import('./test-support/fake-electron')).createFakeElectron(paths))`.
 * Every object records what the shell did to it.
 */
export function createFakeElectron(paths: { appData: string }) {
  const initialPaths: Array<[string, string]> = [
    ['appData', paths.appData],
    ['userData', `${paths.appData}/Electron`],
    ['logs', `${paths.appData}/Electron/logs`],
  ]
  const storedPaths = new Map<string, string>(initialPaths)

  class FakeApp extends EventEmitter {
    readonly isPackaged = false
    readonly commandLine = { hasSwitch: vi.fn((_name: string) => false) }
    readonly dock = { hide: vi.fn() }
    name = 'Electron'
    quitRequests = 0
    readonly exit = vi.fn((_code?: number) => {})
    setName(name: string) {
      this.name = name
    }
    getPath(name: string): string {
      const path = storedPaths.get(name)
      if (!path) throw new Error(`fake electron: no path ${name}`)
      return path
    }
    setPath(name: string, path: string) {
      storedPaths.set(name, path)
    }
    requestSingleInstanceLock() {
      return true
    }
    whenReady() {
      return Promise.resolve()
    }
    /** Like Electron: emits before-quit, and only counts as quitting when nobody prevented it. */
    quit() {
      let prevented = false
      this.emit('before-quit', { preventDefault: () => (prevented = true) })
      if (!prevented) this.quitRequests += 1
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static readonly instances: FakeBrowserWindow[] = []
    readonly show = vi.fn()
    readonly hide = vi.fn()
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    readonly isMinimized = vi.fn(() => false)
    readonly loadFile = vi.fn(async (_filePath: string) => {})
    readonly loadURL = vi.fn(async (_url: string) => {})
    constructor(readonly options: unknown) {
      super()
      FakeBrowserWindow.instances.push(this)
    }
  }

  class FakeTray extends EventEmitter {
    static readonly instances: FakeTray[] = []
    readonly setToolTip = vi.fn()
    readonly setContextMenu = vi.fn()
    readonly destroy = vi.fn()
    constructor(readonly iconPath: string) {
      super()
      FakeTray.instances.push(this)
    }
  }

  const handlers = new Map<string, (event: unknown, input?: unknown) => Promise<unknown>>()
  const module = {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) },
    clipboard: { writeText: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn(async () => {}) },
    ipcMain: {
      handlers,
      handle: (channel: string, listener: (event: unknown, input?: unknown) => Promise<unknown>) => void handlers.set(channel, listener),
      removeHandler: (channel: string) => void handlers.delete(channel),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
  }
  /** Back to a freshly started Electron: vitest keeps one mocked module across `vi.resetModules()`. */
  const reset = () => {
    module.app.removeAllListeners()
    module.app.name = 'Electron'
    module.app.quitRequests = 0
    storedPaths.clear()
    for (const [name, path] of initialPaths) storedPaths.set(name, path)
    FakeBrowserWindow.instances.length = 0
    FakeTray.instances.length = 0
    handlers.clear()
    vi.clearAllMocks()
  }
  return { ...module, default: module, reset }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
