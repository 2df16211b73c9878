import type { BrowserWindowConstructorOptions } from 'electron'
import type { PreventableEvent } from './app-lifecycle'

/** Either the built index.html (production) or electron-vite's dev server URL (`npm run app`). */
export type RendererPage = { file: string } | { url: string }

export function rendererPage(paths: { rendererIndexPath: string; devServerUrl: string | undefined }): RendererPage {
  return paths.devServerUrl ? { url: paths.devServerUrl } : { file: paths.rendererIndexPath }
}

/** The admin window: isolated, sandboxed, no Node in the page; the only bridge is the preload's `window.omnillm`. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'OmniLLM',
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  }
}

/** The slice of Electron's BrowserWindow the shell uses. */
export interface MainWindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown
  show(): void
  hide(): void
  focus(): void
  isMinimized(): boolean
  restore(): void
  loadFile(filePath: string): Promise<void>
  loadURL(url: string): Promise<void>
}

export interface MainWindowOptions {
  preloadPath: string
  page: RendererPage
  /** While quitting, closing really closes; otherwise it only hides the window (the tray keeps the app). */
  isQuitting: () => boolean
  /** Create the window without showing it (e.g. launched at login). */
  startHidden?: boolean
  onLoadFailed?: (error: unknown) => void
}

/** Creates the admin window (`createBrowserWindow` wraps `new BrowserWindow`), shows it once painted, loads the UI. */
export function createMainWindow<Window extends MainWindowLike>(
  createBrowserWindow: (options: BrowserWindowConstructorOptions) => Window,
  options: MainWindowOptions,
): Window {
  const window = createBrowserWindow(mainWindowOptions(options.preloadPath))
  if (!options.startHidden) window.once('ready-to-show', () => window.show())
  window.on('close', (event) => {
    if (options.isQuitting()) return
    event.preventDefault()
    window.hide()
  })
  const loading = 'url' in options.page ? window.loadURL(options.page.url) : window.loadFile(options.page.file)
  loading.catch((error: unknown) => options.onLoadFailed?.(error))
  return window
}

/** Brings the window to the front: from the tray's Open, a second launch, or a dock click. */
export function showMainWindow(window: Pick<MainWindowLike, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
