import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect } from 'vitest'

/** What the admin UI browser tests share: the built renderer, Debian's Chromium and its flags. */
export const rendererDir = join(import.meta.dirname, '..', '..', 'out', 'renderer')
export const resultsDir = join(import.meta.dirname, '..', '..', 'test-results')

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Why the browser tests cannot run here, or undefined when they can (for `describe.skipIf`). */
export const chromiumSkipReason = !existsSync(chromiumPath) ? `no Chromium at ${chromiumPath} (set CHROMIUM_PATH)` : undefined

/** ` (skipped: …)` for a describe title when the browser is missing, else nothing. */
export const skipNote = chromiumSkipReason ? ` (skipped: ${chromiumSkipReason})` : ''

/** Fails clearly when the renderer was not built (`npm test` builds before the tests), and makes test-results/. */
export function expectBuiltRenderer(): void {
  expect(existsSync(join(rendererDir, 'index.html')), `${rendererDir} is missing: run npm run build first`).toBe(true)
  mkdirSync(resultsDir, { recursive: true })
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** Opens the admin UI already connected: the key the connect card would store, then a reload. */
export async function openConnected(page: Page, gateway: { url: string; apiKey: string }): Promise<void> {
  await page.goto(`${gateway.url}/admin/`)
  await page.evaluate((key) => localStorage.setItem('omnillm.apiKey', key), gateway.apiKey)
  await page.reload()
}
