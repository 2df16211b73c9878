import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestHost, type TestHost } from '../src-main/core/test-support/start-test-host'
import { chromiumSkipReason, skipNote, expectBuiltRenderer, launchChromium, rendererDir, openConnected } from './support/admin-browser'

// A narrow window hides the sidebar; the top bar's icon buttons reach every page instead.

describe.skipIf(chromiumSkipReason !== undefined)(`admin UI in a narrow window${skipNote}`, () => {
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

  test('the sidebar is hidden and the compact navigation switches pages', async () => {
    const context = await browser.newContext({ viewport: { width: 560, height: 800 } })
    const page = await context.newPage()
    try {
      await openConnected(page, gateway)
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
