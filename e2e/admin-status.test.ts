import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestHost, type TestHost } from '../src-main/core/test-support/start-test-host'
import { chromiumSkipReason, skipNote, expectBuiltRenderer, launchChromium, rendererDir, resultsDir } from './support/admin-browser'

// The built admin UI (out/renderer, built by `npm run build`) served by a real headless gateway at /admin/,
// driven in Chromium: the page holds no key, asks for one, and shows the live status once connected.

describe.skipIf(chromiumSkipReason !== undefined)(`admin UI status page over HTTP${skipNote}`, () => {
  let gateway: TestHost
  let browser: Browser

  beforeAll(async () => {
    expectBuiltRenderer()
    gateway = await startTestHost({ rendererDir })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await gateway?.close()
  })

  test('the page does not embed the API key', async () => {
    const html = await (await fetch(`${gateway.url}/admin/`)).text()
    expect(html).toContain('<div id="root">')
    expect(html).not.toContain(gateway.apiKey)
  })

  test('asks for the key, rejects a wrong one, then shows the live status', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    try {
      await page.goto(`${gateway.url}/admin/`)
      await page.getByTestId('connect-form').waitFor()

      await page.getByTestId('connect-api-key').fill('not-the-key')
      await page.getByTestId('connect-submit').click()
      await expect.poll(() => page.getByTestId('connect-error').textContent()).toContain('rejected')

      await page.getByTestId('connect-api-key').fill(gateway.apiKey)
      await page.getByTestId('connect-submit').click()
      await page.getByTestId('status-version').waitFor()

      const status = await gateway.host.gateway.admin.getStatus({})
      expect(await page.getByTestId('status-endpoint').textContent()).toBe(status.endpoint)
      expect(await page.getByTestId('status-version').textContent()).toBe(status.version)
      expect(await page.getByTestId('status-mode').getAttribute('data-value')).toBe('headless')
      expect(await page.getByTestId('status-secret-store').getAttribute('data-value')).toBe(status.secretStore)
      await expect.poll(() => page.getByTestId('status-connection').getAttribute('data-state')).toBe('connected')
      const uptime = Number(await page.getByTestId('status-uptime').getAttribute('data-value'))
      await expect.poll(async () => Number(await page.getByTestId('status-uptime').getAttribute('data-value')), { timeout: 5000 }).toBeGreaterThan(uptime)
      expect(await page.evaluate(() => localStorage.getItem('omnillm.apiKey'))).toBe(gateway.apiKey)

      // The log level changes at run time from the page.
      await expect.poll(() => page.getByTestId('log-level-select').inputValue()).toBe('info')
      await page.getByTestId('log-level-select').selectOption('debug')
      await expect.poll(() => gateway.host.logger.level).toBe('debug')
      await page.screenshot({ path: join(resultsDir, 'admin-status.png'), fullPage: true })

      // A key the gateway stops accepting sends the user back to the connect card and is forgotten.
      await page.evaluate(() => localStorage.setItem('omnillm.apiKey', 'stale-key'))
      await page.reload()
      await page.getByTestId('connect-form').waitFor()
      expect(await page.evaluate(() => localStorage.getItem('omnillm.apiKey'))).toBeNull()
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
