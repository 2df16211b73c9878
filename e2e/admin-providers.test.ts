import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startCopilotReplicas, type CopilotReplicas } from '../src-main/core/test-support/mock-upstreams/copilot-replicas'
import { startOpenAiChatMock, type OpenAiChatMock } from '../src-main/core/test-support/mock-upstreams/openai-chat-mock'
import { startTestHost, type TestHost } from '../src-main/core/test-support/start-test-host'
import { chromiumSkipReason, skipNote, expectBuiltRenderer, launchChromium, rendererDir, resultsDir, openConnected } from './support/admin-browser'

// The Providers and Models pages in Chromium against a real gateway with two instances: an
// openai-compatible one on the OpenAI replica, and a github-copilot one on the GitHub and Copilot replicas
// that starts signed out. The operator switches the active instance, signs in through GitHub's device
// flow in the in-app dialog, reads the quota, and switches a model off.

describe.skipIf(chromiumSkipReason !== undefined)(`admin UI providers and models pages${skipNote}`, () => {
  let upstream: OpenAiChatMock
  let replicas: CopilotReplicas
  let gateway: TestHost
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    expectBuiltRenderer()
    upstream = await startOpenAiChatMock({ apiKey: 'sk-up' })
    replicas = await startCopilotReplicas()
    gateway = await startTestHost({
      rendererDir,
      config: {
        settings: { shutdownTimeoutMs: 200 },
        providers: [
          { id: 'up', type: 'openai-compatible', baseUrl: upstream.url, apiKey: 'sk-up', models: ['gpt-4o', 'gpt-4o-mini'] },
          replicas.provider({ id: 'cop', signedIn: false }),
        ],
      },
    })
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
    page = await context.newPage()
    await openConnected(page, gateway)
    await page.getByTestId('app-shell').waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await gateway?.close()
    await replicas?.close()
    await upstream?.close()
  })

  /** Waits for the dialog's open animation, so the screenshot shows it as the user sees it. */
  // (A string: this tsconfig has no DOM types.) Spinners run forever, so only finite animations count.
  const settle = (target: Page) =>
    target.evaluate('Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished)).then(() => undefined)')
  const admin = () => gateway.host.gateway.admin
  const listedModels = async () => {
    const response = await fetch(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${gateway.apiKey}` } })
    return ((await response.json()) as { data: Array<{ id: string }> }).data.map((model) => model.id)
  }

  test('Providers lists both instances; Make active switches the active one', async () => {
    await page.getByTestId('nav-providers').click()
    await page.getByTestId('provider-row-up').waitFor()
    await page.getByTestId('provider-row-cop').waitFor()
    expect(await page.getByTestId('provider-row-up').textContent()).toContain('openai-compatible')
    expect(await page.getByTestId('provider-row-cop').textContent()).toContain('github-copilot')
    expect(await page.getByTestId('provider-enabled-cop').textContent()).toBe('Enabled')
    expect(await page.getByTestId('provider-active-up').isVisible()).toBe(true)
    // Only the Copilot instance signs in and reports usage; the active one has no "Make active".
    expect(await page.getByTestId('provider-sign-in-up').count()).toBe(0)
    expect(await page.getByTestId('provider-usage-up').count()).toBe(0)
    expect(await page.getByTestId('provider-make-active-up').count()).toBe(0)

    await page.getByTestId('provider-make-active-cop').click()
    await page.getByTestId('provider-active-cop').waitFor()
    expect(await admin().getActiveProvider({})).toEqual({ id: 'cop' })
    expect(await page.getByTestId('provider-active-up').count()).toBe(0)
    await page.getByTestId('provider-make-active-up').waitFor()
  })

  test('closing the sign-in dialog while it waits cancels the flow', async () => {
    await page.getByTestId('provider-sign-in-cop').click()
    await page.getByTestId('sign-in-user-code').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('sign-in-dialog').waitFor({ state: 'detached' })
    await expect.poll(async () => (await admin().listSignIns({})).map((flow) => flow.status)).toEqual(['cancelled'])
  })

  test('Sign in shows the device code; approving it on GitHub ends in "Signed in as"', async () => {
    await page.getByTestId('provider-sign-in-cop').click()
    const code = page.getByTestId('sign-in-user-code')
    await code.waitFor()
    const flow = replicas.github.deviceFlows.at(-1)!
    expect(flow.state).toBe('pending')
    expect(await code.textContent()).toBe(flow.userCode)
    const link = page.getByTestId('sign-in-verification-link')
    expect(await link.getAttribute('href')).toBe('https://github.com/login/device')
    expect(await link.getAttribute('target')).toBe('_blank')
    expect(await page.getByTestId('sign-in-waiting').textContent()).toContain('Waiting')
    expect(await page.getByRole('dialog').getAttribute('aria-labelledby')).toBeTruthy()
    await settle(page)
    await page.screenshot({ path: join(resultsDir, 'admin-sign-in.png') })

    replicas.github.approve(flow.userCode)
    await page.getByTestId('sign-in-succeeded').waitFor()
    expect(await page.getByTestId('sign-in-succeeded').textContent()).toBe('Signed in as octocat')
    expect(await page.getByTestId('sign-in-dialog').getAttribute('data-status')).toBe('succeeded')
    await page.getByTestId('sign-in-close').click()
    await page.getByTestId('sign-in-dialog').waitFor({ state: 'detached' })
    expect((await admin().listSignIns({})).map((entry) => entry.status).sort()).toEqual(['cancelled', 'succeeded'])
  })

  test('Usage shows the replica quota report', async () => {
    await page.getByTestId('provider-usage-cop').click()
    await page.getByTestId('usage-cop').waitFor()
    expect(await page.getByTestId('quota-premium_interactions').textContent()).toContain('255 / 300 left')
    expect(await page.getByTestId('quota-chat').textContent()).toContain('Unlimited')
    const json = JSON.parse((await page.getByTestId('usage-json-cop').textContent()) ?? '{}') as Record<string, unknown>
    expect(json).toMatchObject({ login: 'octocat', quota_snapshots: { premium_interactions: { remaining: 255, entitlement: 300 } } })
    await page.screenshot({ path: join(resultsDir, 'admin-providers.png'), fullPage: true })
  })

  test('Models: a model switched off leaves /v1/models; Refresh asks the instances again', async () => {
    expect(await listedModels()).toEqual(expect.arrayContaining(['up:gpt-4o', 'up:gpt-4o-mini', 'cop:gpt-4.1']))
    await page.getByTestId('nav-models').click()
    const mini = page.getByTestId('model-switch-up:gpt-4o-mini')
    await mini.waitFor()
    // The Copilot instance signed in a moment ago, so its live list is there too, with versions and context windows.
    await page.getByTestId('models-group-cop').waitFor()
    expect(await page.locator('[data-key="cop:gpt-4.1"]').textContent()).toContain('128K context')
    expect(await mini.getAttribute('aria-checked')).toBe('true')

    await mini.click()
    await expect.poll(() => mini.getAttribute('aria-checked')).toBe('false')
    await expect.poll(listedModels).not.toContain('up:gpt-4o-mini')
    expect(await listedModels()).toContain('up:gpt-4o')
    const routed = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'up:gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    })
    expect({ status: routed.status, body: await routed.text() }).toMatchObject({ status: 404, body: expect.stringContaining('gpt-4o-mini') })

    expect(await page.locator('[data-key="cop:gpt-4.1"]').textContent()).toContain('version gpt-4.1-2025-04-14')
    await page.screenshot({ path: join(resultsDir, 'admin-models.png'), fullPage: true })

    await page.getByTestId('models-filter').fill('GPT-4O')
    await expect.poll(() => page.getByTestId('model-row').count()).toBe(2)
    expect(await page.getByTestId('models-group-cop').count()).toBe(0)
    await page.getByTestId('models-filter').fill('no such model')
    await page.getByTestId('models-no-match').waitFor()
    await page.getByTestId('models-filter').fill('')

    const modelListings = () => replicas.copilot.requests.filter((request) => request.method === 'GET' && request.path === '/models').length
    const before = modelListings()
    await page.getByTestId('models-refresh').click()
    await expect.poll(modelListings).toBeGreaterThan(before)
    await expect.poll(() => page.getByTestId('models-refresh').isEnabled()).toBe(true)
    expect(await mini.getAttribute('aria-checked')).toBe('false')

    await mini.click()
    await expect.poll(listedModels).toContain('up:gpt-4o-mini')
  })
})
