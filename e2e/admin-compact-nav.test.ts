import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestHost, type TestHost } from '../src-main/core/test-support/start-test-host'

// A narrow window hides the sidebar; the top bar's icon buttons reach every page instead.
const rendererDir = join(import.meta.dirname, '..', 'out', 'renderer')
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const skipReason = !existsSync(chromiumPath) ? `no Chromium at ${chromiumPath} (set CHROMIUM_PATH)` : undefined

describe.skipIf(skipReason !== undefined)(`admin UI in a narrow window${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let gateway: TestHost
  let browser: Browser
  beforeAll(async () => {
    expect(existsSync(join(rendererDir, 'index.html')), `${rendererDir} is missing: run npm run build first`).toBe(true)
    gateway = await startTestHost({ rendererDir })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
  })
  afterAll(async () => {
    await browser?.close()
    await gateway?.close()
  })

  test('the sidebar is hidden and the compact navigation switches pages', async () => {
    const context = await browser.newContext({ viewport: { width: 560, height: 800 } })
    const page = await context.newPage()
    try {
      await page.goto(`${gateway.url}/admin/`)
      await page.evaluate((key) => localStorage.setItem('omnillm.apiKey', key), gateway.apiKey)
      await page.reload()
      await page.getByTestId('status-page').waitFor()
      expect(await page.getByTestId('app-sidebar').isVisible()).toBe(false)
      await page.getByTestId('compact-nav-models').click()
      await expect.poll(() => page.getByRole('heading', { name: 'Models', level: 1 }).isVisible()).toBe(true)
      expect(await page.getByTestId('compact-nav-models').getAttribute('aria-current')).toBe('page')
      await page.getByTestId('compact-nav-status').click()
      await page.getByTestId('status-page').waitFor()
    } finally {
      await context.close()
    }
  })
})
