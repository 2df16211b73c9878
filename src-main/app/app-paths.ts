import { join } from 'node:path'

export interface AppPathInputs {
  /** The directory of the running main bundle (out/main), i.e. `import.meta.dirname`. */
  mainDir: string
  isPackaged: boolean
  /** `process.resourcesPath`: where electron-builder's extraResources land in a packaged app. */
  resourcesPath: string
  /** `app.getPath('userData')` */
  userDataPath: string
  /** `app.getPath('logs')` */
  logsPath: string
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
}

export interface AppPaths {
  preloadPath: string
  rendererIndexPath: string
  /** Only in development (`npm run app`): electron-vite's renderer dev server. */
  devServerUrl: string | undefined
  trayIconPath: string
  /** The gateway's data directory (SQLite, logs): OMNILLM_DATA_DIR when set, else Electron's userData. */
  dataDir: string
  logsDir: string
}

/** The macOS icon is a template image (black + alpha, tinted by the menu bar); others get a plain one. */
export function trayIconFileName(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'
}

/**
 * Every path the shell needs, from facts Electron knows. Pure, so the packaged/dev split is testable:
 * the bundle layout is out/{main,preload,renderer}; tray icons are in resources/ at the project root in
 * development and in `process.resourcesPath` once packaged (electron-builder `extraResources`).
 */
export function resolveAppPaths(inputs: AppPathInputs): AppPaths {
  const resourcesDir = inputs.isPackaged ? inputs.resourcesPath : join(inputs.mainDir, '..', '..', 'resources')
  const devServerUrl = inputs.isPackaged ? undefined : nonEmpty(inputs.env.ELECTRON_RENDERER_URL)
  return {
    preloadPath: join(inputs.mainDir, '..', 'preload', 'index.cjs'),
    rendererIndexPath: join(inputs.mainDir, '..', 'renderer', 'index.html'),
    devServerUrl,
    trayIconPath: join(resourcesDir, 'tray', trayIconFileName(inputs.platform)),
    dataDir: nonEmpty(inputs.env.OMNILLM_DATA_DIR) ?? inputs.userDataPath,
    logsDir: inputs.logsPath,
  }
}

/**
 * The userData folder named after the product (…/OmniLLM) rather than the npm name, so it never collides
 * with ~/.config/omnillm where the api-key lives. An explicit `--user-data-dir` (tests, power users) wins.
 */
export function productUserDataPath(options: { appDataPath: string; productName: string; hasUserDataSwitch: boolean }): string | undefined {
  return options.hasUserDataSwitch ? undefined : join(options.appDataPath, options.productName)
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}
