import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ContractResult, GatewayStatus } from '../src-preload/contract'

// Drives the real desktop shell (out/main/main.js, built by `npm run build`) with Playwright. Where the
// Electron binary could not be downloaded, or there is no display to open a window on, the suite skips.

const projectRoot = join(import.meta.dirname, '..')
const mainScript = join(projectRoot, 'out', 'main', 'main.js')
const electronBinary = findElectronBinary()
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
const skipReason = !electronBinary ? 'Electron binary not downloadable here' : !hasDisplay ? 'no display: run under xvfb-run' : undefined

/** The Electron executable, found the way node_modules/electron/index.js does it, but without ever downloading. */
function findElectronBinary(): string | undefined {
  const packageDir = join(projectRoot, 'node_modules', 'electron')
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

describe.skipIf(skipReason !== undefined)(`Electron desktop shell${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let tempDir: string
  let port: number
  let electronApp: ElectronApplication
  let page: Page

  beforeAll(async () => {
    expect(existsSync(mainScript), `${mainScript} is missing: run npm run build first`).toBe(true)
    tempDir = mkdtempSync(join(tmpdir(), 'omnillm-electron-'))
    port = await freePort()
    const env: Record<string, string> = {}
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value
    delete env.ELECTRON_RUN_AS_NODE
    delete env.ELECTRON_RENDERER_URL
    electronApp = await _electron.launch({
      executablePath: electronBinary,
      args: [
        mainScript,
        `--user-data-dir=${join(tempDir, 'user-data')}`,
        // Chromium refuses its sandbox as root (CI containers); the page stays context-isolated either way.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      env: {
        ...env,
        OMNILLM_DATA_DIR: join(tempDir, 'data'),
        XDG_CONFIG_HOME: join(tempDir, 'config'),
        OMNILLM_HOST: '127.0.0.1',
        OMNILLM_PORT: String(port),
      },
      timeout: 60_000,
    })
    page = await electronApp.firstWindow({ timeout: 60_000 })
    await page.waitForLoadState('domcontentloaded')
  }, 90_000)

  afterAll(async () => {
    await electronApp?.close().catch(() => {})
    if (tempDir) rmSync(tempDir, { recursive: true, force: true })
  }, 30_000)

  test('opens the status page from the built renderer, fed by the gateway over IPC', async () => {
    expect(page.url()).toMatch(/^file:.*\/out\/renderer\/index\.html/)
    const status = (await page.evaluate('window.omnillm.getStatus()')) as ContractResult<GatewayStatus>
    expect(status).toMatchObject({ ok: true, value: { mode: 'desktop', endpoint: `http://127.0.0.1:${port}` } })
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(`127.0.0.1:${port}`)
  })

  test('serves /healthz on the configured port', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  test('gives the page no Node and no new windows', async () => {
    expect(await page.evaluate('[typeof require, typeof process, typeof module].join(",")')).toBe('undefined,undefined,undefined')
    expect(await page.evaluate("window.open('https://example.com/') === null")).toBe(true)
    const windowCount = await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)
    expect(windowCount).toBe(1)
  })

  test('hides the window on close instead of quitting', async () => {
    const state = await electronApp.evaluate(({ BrowserWindow }) => {
      const [window] = BrowserWindow.getAllWindows()
      window?.close()
      return { windows: BrowserWindow.getAllWindows().length, visible: window?.isVisible() }
    })
    expect(state).toEqual({ windows: 1, visible: false })
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
  })

  test('stops the gateway and exits cleanly on quit', async () => {
    const exited = new Promise<number | null>((resolve) => electronApp.process().once('exit', (code) => resolve(code)))
    await electronApp.evaluate(({ app }) => app.quit())
    expect(await exited).toBe(0)
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow()
  }, 30_000)
})
