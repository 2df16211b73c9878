import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { createAppPageMatcher } from './app-page'
import {
  contentSecurityPolicy,
  denyPermissionRequests,
  hardenWebContents,
  installContentSecurityPolicy,
  isSafeExternalUrl,
  type GuardedWebContents,
  type HeaderSession,
  type NavigationEvent,
  type PermissionSession,
  type ResponseHeaders,
} from './web-security'

const rendererIndexPath = '/app/out/renderer/index.html'
const appUrl = pathToFileURL(rendererIndexPath).href

function fakeWebContents() {
  let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
  const listeners = new Map<string, (event: NavigationEvent) => void>()
  const webContents: GuardedWebContents = {
    setWindowOpenHandler: (handler) => void (windowOpenHandler = handler),
    on: (event: string, listener: (event: NavigationEvent) => void) => listeners.set(event, listener),
  }
  const emit = (name: string, url: string) => {
    let prevented = false
    listeners.get(name)?.({ url, preventDefault: () => (prevented = true) })
    return prevented
  }
  return { webContents, emit, openWindow: (url: string) => windowOpenHandler?.({ url }) }
}

function setUp() {
  const fake = fakeWebContents()
  const openExternal = vi.fn(async (_url: string) => {})
  hardenWebContents(fake.webContents, { isAppPage: createAppPageMatcher({ rendererIndexPath }), openExternal })
  return { ...fake, openExternal }
}

describe('hardenWebContents', () => {
  it('denies every window.open and sends only https links to the OS browser', () => {
    const { openWindow, openExternal } = setUp()
    expect(openWindow('https://docs.example.com/')).toEqual({ action: 'deny' })
    expect(openWindow('http://insecure.example.com/')).toEqual({ action: 'deny' })
    expect(openWindow('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(openWindow('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://docs.example.com/']])
  })

  it('allows navigation within the app page and blocks everything else', () => {
    const { emit, openExternal } = setUp()
    expect(emit('will-navigate', `${appUrl}#/logs`)).toBe(false)
    expect(emit('will-navigate', 'https://evil.example/')).toBe(true)
    expect(emit('will-navigate', pathToFileURL('/tmp/other.html').href)).toBe(true)
    expect(emit('will-redirect', 'https://evil.example/')).toBe(true)
    expect(emit('will-redirect', appUrl)).toBe(false)
    expect(openExternal.mock.calls).toEqual([['https://evil.example/']])
  })

  it('refuses to attach a <webview>', () => {
    const { emit } = setUp()
    expect(emit('will-attach-webview', '')).toBe(true)
  })
})

describe('isSafeExternalUrl', () => {
  it('is true for https only', () => {
    expect(isSafeExternalUrl('https://example.com')).toBe(true)
    expect(isSafeExternalUrl('http://example.com')).toBe(false)
    expect(isSafeExternalUrl('smb://share/x')).toBe(false)
    expect(isSafeExternalUrl('nonsense')).toBe(false)
  })
})

describe('denyPermissionRequests', () => {
  it('denies requests and checks except clipboard writes', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined
    denyPermissionRequests({ setPermissionRequestHandler: (handler) => (request = handler), setPermissionCheckHandler: (handler) => (check = handler) })
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-sanitized-write']) {
      request?.({}, permission, (granted) => answers.push(granted))
    }
    expect(answers).toEqual([false, false, false, false, true])
    expect(check?.({}, 'clipboard-read')).toBe(false)
    expect(check?.({}, 'clipboard-sanitized-write')).toBe(true)
  })
})

describe('contentSecurityPolicy', () => {
  it('is the strict policy in production', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'",
    )
  })

  it('lets the dev server inject its preamble and open its HMR socket in development', () => {
    const policy = contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' })
    expect(policy).toContain("script-src 'self' 'unsafe-inline'")
    expect(policy).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173")
    expect(policy).toContain("object-src 'none'")
  })
})

describe('installContentSecurityPolicy', () => {
  it('replaces any CSP header on every response', () => {
    let listener: Parameters<HeaderSession['webRequest']['onHeadersReceived']>[0] | undefined
    installContentSecurityPolicy({ webRequest: { onHeadersReceived: (handler) => (listener = handler) } }, "default-src 'self'")
    let responseHeaders: ResponseHeaders | undefined
    listener?.({ responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['default-src *'] } }, (response) => {
      responseHeaders = response.responseHeaders
    })
    expect(responseHeaders).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] })
    listener?.({}, (response) => (responseHeaders = response.responseHeaders))
    expect(responseHeaders).toEqual({ 'Content-Security-Policy': ["default-src 'self'"] })
  })
})

