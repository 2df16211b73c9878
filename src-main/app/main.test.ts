import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { MenuItemConstructorOptions } from 'electron'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContractResult, GatewayStatus } from '../../src-preload/contract'
import type { FakeElectron } from './test-support/fake-electron'

// The composition root, run for real in plain Node: a fake `electron` module, the real gateway core on a
// loopback port, temporary directories. Each test imports main.ts afresh.

const root = mkdtempSync(join(tmpdir(), 'omnillm-desktop-'))
vi.mock('electron', async () => (await import('./test-support/fake-electron')).createFakeElectron({ appData: join(root, 'app-data') }))
vi.mock('keytar', () => ({ default: {} })) // keytar "unavailable": never touch the developer's real keychain

afterAll(() => rmSync(root, { recursive: true, force: true }))

async function startMain(env: Record<string, string>): Promise<FakeElectron> {
  vi.resetModules()
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  const electron = (await import('electron')) as unknown as FakeElectron
  electron.reset()
  await import('./main')
  return electron
}

function trayMenu(electron: FakeElectron): MenuItemConstructorOptions[] {
  const tray = electron.Tray.instances.at(-1)
  const menu = tray?.setContextMenu.mock.calls.at(-1)?.[0] as { template: MenuItemConstructorOptions[] } | undefined
  if (!menu) throw new Error('no tray menu')
  return menu.template
}

describe('main.ts', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = mkdtempSync(join(root, 'data-'))
    vi.stubEnv('XDG_CONFIG_HOME', join(root, 'config'))
    vi.stubEnv('OMNILLM_HOST', '127.0.0.1')
    vi.stubEnv('ELECTRON_RENDERER_URL', '')
  })
  afterEach(() => vi.unstubAllEnvs())

  it('starts the gateway, registers IPC, opens the window and the tray, and stops the gateway on quit', async () => {
    const electron = await startMain({ OMNILLM_DATA_DIR: dataDir, OMNILLM_PORT: '0' })
    await vi.waitFor(() => expect(electron.Tray.instances).toHaveLength(1), { timeout: 15_000 })
    const { app, ipcMain, BrowserWindow, Tray } = electron

    expect(app.name).toBe('OmniLLM')
    expect(app.getPath('userData')).toBe(join(root, 'app-data', 'OmniLLM'))
    expect(app.listenerCount('window-all-closed')).toBe(1)

    const [window] = BrowserWindow.instances
    expect(BrowserWindow.instances).toHaveLength(1)
    expect(window?.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } })
    const rendererIndexPath = window?.loadFile.mock.calls[0]?.[0]
    expect(rendererIndexPath).toMatch(/renderer[/\\]index\.html$/)
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledOnce()
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce()
    expect(Tray.instances[0]?.iconPath).toMatch(/resources[/\\]tray[/\\](tray|trayTemplate)\.png$/)

    const getStatus = ipcMain.handlers.get('gateway:get-status')
    const fromOurPage = { senderFrame: { url: pathToFileURL(rendererIndexPath ?? '').href, parent: null } }
    const status = (await getStatus?.(fromOurPage)) as ContractResult<GatewayStatus>
    if (!status.ok) throw new Error(status.error.message)
    expect(status.value.mode).toBe('desktop')
    await expect(getStatus?.({ senderFrame: { url: 'https://evil.example/', parent: null } })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })

    const endpoint = status.value.endpoint
    expect(trayMenu(electron)[0]?.label).toBe(`OmniLLM — ${endpoint}`)
    expect((await fetch(`${endpoint}/healthz`)).status).toBe(200)

    // Closing the window only hides it; the gateway keeps serving.
    let closePrevented = false
    window?.emit('close', { preventDefault: () => (closePrevented = true) })
    expect(closePrevented).toBe(true)
    expect(window?.hide).toHaveBeenCalledOnce()

    app.quit()
    expect(app.quitRequests).toBe(0) // held until the gateway has stopped
    await vi.waitFor(() => expect(app.quitRequests).toBe(1), { timeout: 10_000 })
    await expect(fetch(`${endpoint}/healthz`)).rejects.toThrow()
  })

  it('shows a StartupError in a dialog and exits with code 1', async () => {
    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0
    try {
      const electron = await startMain({ OMNILLM_DATA_DIR: dataDir, OMNILLM_PORT: String(port) })
      await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1), { timeout: 15_000 })
      expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('OmniLLM could not start', expect.stringMatching(new RegExp(`^Port ${port} is already in use`)))
      expect(electron.Tray.instances).toHaveLength(0)
      expect(electron.BrowserWindow.instances).toHaveLength(0)
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })
})
