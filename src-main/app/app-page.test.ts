import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createAppPageMatcher } from './app-page'

const rendererIndexPath = '/opt/OmniLLM/resources/app.asar/out/renderer/index.html'
const rendererUrl = pathToFileURL(rendererIndexPath).href

describe('createAppPageMatcher', () => {
  const isAppPage = createAppPageMatcher({ rendererIndexPath })

  it('accepts the renderer file with any hash or query', () => {
    expect(isAppPage(rendererUrl)).toBe(true)
    expect(isAppPage(`${rendererUrl}#/settings`)).toBe(true)
    expect(isAppPage(`${rendererUrl}?tab=logs`)).toBe(true)
  })

  it('refuses other files, other schemes and garbage', () => {
    expect(isAppPage(pathToFileURL('/opt/OmniLLM/resources/app.asar/out/renderer/other.html').href)).toBe(false)
    expect(isAppPage(pathToFileURL('/etc/passwd').href)).toBe(false)
    expect(isAppPage('https://example.com/')).toBe(false)
    expect(isAppPage('http://localhost:5173/')).toBe(false)
    expect(isAppPage('not a url')).toBe(false)
    expect(isAppPage('')).toBe(false)
  })

  it('accepts the whole dev server origin in development, and nothing on other ports', () => {
    const inDevelopment = createAppPageMatcher({ rendererIndexPath, devServerUrl: 'http://localhost:5173/' })
    expect(inDevelopment('http://localhost:5173/')).toBe(true)
    expect(inDevelopment('http://localhost:5173/#/providers')).toBe(true)
    expect(inDevelopment('http://localhost:5174/')).toBe(false)
    expect(inDevelopment('https://localhost:5173/')).toBe(false)
    expect(inDevelopment(rendererUrl)).toBe(true)
  })
})
