import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { productUserDataPath, resolveAppPaths, trayIconFileName, type AppPathInputs } from './app-paths'

const projectRoot = join('/', 'work', 'omnillm')

function inputs(overrides: Partial<AppPathInputs> = {}): AppPathInputs {
  return {
    mainDir: join(projectRoot, 'out', 'main'),
    isPackaged: false,
    resourcesPath: join('/', 'opt', 'OmniLLM', 'resources'),
    userDataPath: join('/', 'home', 'me', '.config', 'OmniLLM'),
    logsPath: join('/', 'home', 'me', '.config', 'OmniLLM', 'logs'),
    env: {},
    platform: 'linux',
    ...overrides,
  }
}

describe('resolveAppPaths', () => {
  it('finds the preload, the renderer and the project resources next to the bundle in development', () => {
    const paths = resolveAppPaths(inputs())
    expect(paths.preloadPath).toBe(join(projectRoot, 'out', 'preload', 'index.cjs'))
    expect(paths.rendererIndexPath).toBe(join(projectRoot, 'out', 'renderer', 'index.html'))
    expect(paths.trayIconPath).toBe(join(projectRoot, 'resources', 'tray', 'tray.png'))
    expect(paths.dataDir).toBe(join('/', 'home', 'me', '.config', 'OmniLLM'))
    expect(paths.logsDir).toBe(join('/', 'home', 'me', '.config', 'OmniLLM', 'logs'))
    expect(paths.devServerUrl).toBeUndefined()
  })

  it('takes tray icons from process.resourcesPath once packaged, and the template image on macOS', () => {
    const paths = resolveAppPaths(inputs({ isPackaged: true, platform: 'darwin' }))
    expect(paths.trayIconPath).toBe(join('/', 'opt', 'OmniLLM', 'resources', 'tray', 'trayTemplate.png'))
  })

  it('uses the dev server only when not packaged', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(resolveAppPaths(inputs({ env })).devServerUrl).toBe('http://localhost:5173')
    expect(resolveAppPaths(inputs({ env, isPackaged: true })).devServerUrl).toBeUndefined()
  })

  it('lets OMNILLM_DATA_DIR override userData for the gateway data, ignoring a blank value', () => {
    expect(resolveAppPaths(inputs({ env: { OMNILLM_DATA_DIR: '/tmp/omnillm-data' } })).dataDir).toBe('/tmp/omnillm-data')
    expect(resolveAppPaths(inputs({ env: { OMNILLM_DATA_DIR: '  ' } })).dataDir).toBe(inputs().userDataPath)
  })
})

describe('trayIconFileName', () => {
  it('is a template image on macOS only', () => {
    expect(trayIconFileName('darwin')).toBe('trayTemplate.png')
    expect(trayIconFileName('win32')).toBe('tray.png')
    expect(trayIconFileName('linux')).toBe('tray.png')
  })
})

describe('productUserDataPath', () => {
  it('names the folder after the product unless --user-data-dir was given', () => {
    expect(productUserDataPath({ appDataPath: '/home/me/.config', productName: 'OmniLLM', hasUserDataSwitch: false })).toBe(
      join('/home/me/.config', 'OmniLLM'),
    )
    expect(productUserDataPath({ appDataPath: '/home/me/.config', productName: 'OmniLLM', hasUserDataSwitch: true })).toBeUndefined()
  })
})
