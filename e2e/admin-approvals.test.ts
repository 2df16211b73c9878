import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startOpenAiChatMock, type OpenAiChatMock } from '../src-main/core/test-support/mock-upstreams/openai-chat-mock'
import { rawRequest } from '../src-main/core/test-support/raw-request'
import { startTestHost, type TestHost } from '../src-main/core/test-support/start-test-host'
import { chromiumSkipReason, skipNote, expectBuiltRenderer, launchChromium, rendererDir, resultsDir, openConnected } from './support/admin-browser'

// Manual approval from the admin UI in Chromium: a request held by --manual shows up on the status page,
// the operator approves one and denies another, and the clients get their answers.

describe.skipIf(chromiumSkipReason !== undefined)(`admin UI manual approval${skipNote}`, () => {
  let upstream: OpenAiChatMock
  let gateway: TestHost
  let browser: Browser

  beforeAll(async () => {
    expectBuiltRenderer()
    upstream = await startOpenAiChatMock({ apiKey: 'sk-up' })
    gateway = await startTestHost({
      rendererDir,
      flags: { manualApproval: true, manualApprovalTimeoutSeconds: 30 },
      config: { providers: [{ id: 'up', type: 'openai-compatible', baseUrl: upstream.url, apiKey: 'sk-up', models: ['gpt-4o'] }] },
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await gateway?.close()
    await upstream?.close()
  })

  const chat = (userAgent: string) =>
    rawRequest(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ model: 'up:gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    })

  test('waiting requests appear on the status page; Approve and Deny answer them', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    try {
      await openConnected(page, gateway)
      await page.getByTestId('approvals-empty').waitFor()

      const approved = chat('first-client/1')
      const row = page.getByTestId('approval-row')
      await row.waitFor()
      expect(await row.textContent()).toContain('first-client/1')
      expect(await row.textContent()).toContain('up:gpt-4o')
      await page.screenshot({ path: join(resultsDir, 'admin-approvals.png'), fullPage: true })
      await page.getByTestId('approval-approve').click()
      expect((await approved).status).toBe(200)

      const denied = chat('second-client/1')
      await expect.poll(async () => (await page.getByTestId('approval-row').count()) === 1 && (await row.textContent())?.includes('second-client/1')).toBe(true)
      await page.getByTestId('approval-deny').click()
      expect((await denied).status).toBe(403)
      await page.getByTestId('approvals-empty').waitFor()
    } finally {
      await context.close()
    }
  })
})
