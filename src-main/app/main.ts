import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, Notification, session, shell, Tray } from 'electron'
import { startGatewayHost, type GatewayHost } from '../core'
import { claimSingleInstance, installGracefulQuit, keepRunningWithoutWindows } from './app-lifecycle'
import { createAppPageMatcher } from './app-page'
import { productUserDataPath, resolveAppPaths } from './app-paths'
import { createTrustedSenderCheck, registerIpc } from './ipc/register-ipc'
import { reportStartupFailure } from './startup-failure'
import { createTray, type TrayController } from './tray'
import { connectApprovalsToTray } from './tray-approvals'
import { connectProviderSwitcher } from './tray-provider-switcher'
import { contentSecurityPolicy, denyPermissionRequests, hardenWebContents, installContentSecurityPolicy } from './web-security'
import { createMainWindow, rendererPage, showMainWindow } from './windows'

// The composition root of the desktop shell: Electron objects are created here and handed to plain
// functions. The gateway itself is the same core `omnillm start` hosts.

const PRODUCT_NAME = 'OmniLLM'
let mainWindow: BrowserWindow | undefined
let tray: TrayController | undefined // held so it is never garbage-collected

app.setName(PRODUCT_NAME)
const userDataPath = productUserDataPath({
  appDataPath: app.getPath('appData'),
  productName: PRODUCT_NAME,
  hasUserDataSwitch: app.commandLine.hasSwitch('user-data-dir'),
})
if (userDataPath) app.setPath('userData', userDataPath)

if (claimSingleInstance(app, () => mainWindow && showMainWindow(mainWindow))) {
  keepRunningWithoutWindows(app)
  app.whenReady().then(start).catch(failStartup)
}

function failStartup(error: unknown): void {
  reportStartupFailure(error, { showErrorBox: (title, content) => dialog.showErrorBox(title, content), exit: (code) => app.exit(code) })
}

async function start(): Promise<void> {
  if (process.platform === 'darwin') app.dock?.hide() // a menu-bar app (LSUIElement when packaged)
  const paths = resolveAppPaths({
    mainDir: import.meta.dirname,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    userDataPath: app.getPath('userData'),
    logsPath: app.getPath('logs'),
    env: process.env,
    platform: process.platform,
  })

  let host: GatewayHost
  try {
    // secretStore left to the core: it picks the OS keychain when available, else the encrypted file.
    host = await startGatewayHost({ mode: 'desktop', dataDir: paths.dataDir, env: process.env })
  } catch (error) {
    failStartup(error)
    return
  }
  const quitState = installGracefulQuit(app, {
    stop: () => host.stop(),
    onStopError: (error) => host.logger.error({ err: error }, 'gateway did not stop cleanly'),
  })

  const isAppPage = createAppPageMatcher(paths)
  installContentSecurityPolicy(session.defaultSession, contentSecurityPolicy(paths))
  denyPermissionRequests(session.defaultSession)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { isAppPage, openExternal: (url) => shell.openExternal(url) }))

  registerIpc({
    ipcMain,
    admin: host.gateway.admin,
    isTrustedSender: createTrustedSenderCheck(isAppPage),
    onRejectedSender: (channel, url) => host.logger.warn({ channel, url }, 'refused an admin IPC call from a foreign page'),
  })

  const window = createMainWindow((options) => new BrowserWindow(options), {
    preloadPath: paths.preloadPath,
    page: rendererPage(paths),
    isQuitting: quitState.isQuitting,
    startHidden: process.argv.includes('--hidden'),
    onLoadFailed: (error) => host.logger.error({ err: error }, 'could not load the admin UI'),
  })
  mainWindow = window
  app.on('activate', () => showMainWindow(window))

  tray = createTray(
    { createTray: (iconPath) => new Tray(iconPath), buildMenu: (template) => Menu.buildFromTemplate(template), clipboard },
    { iconPath: paths.trayIconPath, endpoint: host.url, onOpen: () => showMainWindow(window), onQuit: () => app.quit() },
  )
  const admin = host.gateway.admin
  connectProviderSwitcher({
    tray,
    listProviders: () => admin.listProviders({}),
    setActiveProvider: (id) => admin.setActiveProvider({ id }),
    onActiveProviderChange: (listener) => host.gateway.activeProvider.subscribe(listener),
    onError: (error) => host.logger.warn({ err: error }, 'tray: could not switch the active provider'),
  })
  const approvals = host.gateway.approvals
  if (approvals) {
    connectApprovalsToTray({
      tray,
      queue: approvals,
      onOpen: () => showMainWindow(window),
      notify: (title, body) => {
        if (!Notification.isSupported()) return
        const notification = new Notification({ title, body })
        notification.on('click', () => showMainWindow(window))
        notification.show()
      },
    })
  }
  app.on('will-quit', () => tray?.destroy())
  host.logger.info({ endpoint: host.url, dataDir: paths.dataDir }, 'OmniLLM desktop ready')
}
