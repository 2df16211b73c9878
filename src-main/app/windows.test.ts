import { describe, expect, it, vi } from 'vitest'
import type { PreventableEvent } from './app-lifecycle'
import { createMainWindow, mainWindowOptions, rendererPage, showMainWindow, type MainWindowLike } from './windows'

class FakeWindow implements MainWindowLike {
  readonly onceListeners = new Map<string, () => void>()
  readonly onListeners = new Map<string, (event: PreventableEvent) => void>()
  constructor(readonly options: unknown) {}
  once(event: 'ready-to-show', listener: () => void) {
    this.onceListeners.set(event, listener)
  }
  on(event: 'close', listener: (event: PreventableEvent) => void) {
    this.onListeners.set(event, listener)
  }
  show = vi.fn()
  hide = vi.fn()
  focus = vi.fn()
  restore = vi.fn()
  minimized = false
  isMinimized = () => this.minimized
  loadFile = vi.fn(async (_filePath: string) => {})
  loadURL = vi.fn(async (_url: string) => {})
}

function close(window: FakeWindow): boolean {
  let prevented = false
  window.onListeners.get('close')?.({ preventDefault: () => (prevented = true) })
  return prevented
}

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the page, hidden until painted', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs')
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    })
  })
})

describe('rendererPage', () => {
  it('loads the dev server when there is one, else the built file', () => {
    expect(rendererPage({ rendererIndexPath: '/app/out/renderer/index.html', devServerUrl: 'http://localhost:5173' })).toEqual({ url: 'http://localhost:5173' })
    expect(rendererPage({ rendererIndexPath: '/app/out/renderer/index.html', devServerUrl: undefined })).toEqual({ file: '/app/out/renderer/index.html' })
  })
})

describe('createMainWindow', () => {
  function setUp(overrides: { quitting?: boolean; startHidden?: boolean; page?: { file: string } | { url: string } } = {}) {
    let window: FakeWindow | undefined
    const created = createMainWindow(
      (options) => (window = new FakeWindow(options)),
      {
        preloadPath: '/app/out/preload/index.cjs',
        page: overrides.page ?? { file: '/app/out/renderer/index.html' },
        isQuitting: () => overrides.quitting ?? false,
        startHidden: overrides.startHidden,
      },
    )
    if (!window) throw new Error('no window created')
    expect(created).toBe(window)
    return window
  }

  it('builds the window from mainWindowOptions and loads the renderer file', () => {
    const window = setUp()
    expect(window.options).toEqual(mainWindowOptions('/app/out/preload/index.cjs'))
    expect(window.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html')
    expect(window.loadURL).not.toHaveBeenCalled()
  })

  it('loads the dev server URL in development', () => {
    const window = setUp({ page: { url: 'http://localhost:5173' } })
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173')
  })

  it('shows the window once it is ready to show, unless started hidden', () => {
    const window = setUp()
    expect(window.show).not.toHaveBeenCalled()
    window.onceListeners.get('ready-to-show')?.()
    expect(window.show).toHaveBeenCalledOnce()
    expect(setUp({ startHidden: true }).onceListeners.has('ready-to-show')).toBe(false)
  })

  it('hides instead of closing, except while quitting', () => {
    const window = setUp()
    expect(close(window)).toBe(true)
    expect(window.hide).toHaveBeenCalledOnce()
    const quitting = setUp({ quitting: true })
    expect(close(quitting)).toBe(false)
    expect(quitting.hide).not.toHaveBeenCalled()
  })

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    const onLoadFailed = vi.fn()
    const failure = new Error('ERR_FILE_NOT_FOUND')
    createMainWindow(
      (options) => {
        const window = new FakeWindow(options)
        window.loadFile.mockRejectedValueOnce(failure)
        return window
      },
      { preloadPath: '/p.cjs', page: { file: '/missing.html' }, isQuitting: () => false, onLoadFailed },
    )
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledWith(failure))
  })
})

describe('showMainWindow', () => {
  it('restores a minimised window, shows and focuses it', () => {
    const window = new FakeWindow({})
    window.minimized = true
    showMainWindow(window)
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.show).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()
  })
})
