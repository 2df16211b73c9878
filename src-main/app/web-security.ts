import type { PreventableEvent } from './app-lifecycle'

/** Only https links leave the app, and only to the OS browser. */
export function isSafeExternalUrl(url: string): boolean {
  return URL.parse(url)?.protocol === 'https:'
}

export interface NavigationEvent extends PreventableEvent {
  readonly url: string
}

/** The slice of Electron's WebContents the guards use. */
export interface GuardedWebContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
}

export interface WebContentsGuards {
  /** True for our own renderer page (see createAppPageMatcher). */
  isAppPage: (url: string) => boolean
  /** `shell.openExternal` */
  openExternal: (url: string) => Promise<void>
}

/**
 * Locks a webContents to our page: no new windows (https links go to the OS browser instead), no
 * navigation or redirect away from the app page, no <webview>.
 */
export function hardenWebContents(webContents: GuardedWebContents, guards: WebContentsGuards): void {
  const openOutside = (url: string) => {
    if (isSafeExternalUrl(url)) guards.openExternal(url).catch(() => {})
  }
  webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
  webContents.on('will-navigate', (event) => {
    if (guards.isAppPage(event.url)) return
    event.preventDefault()
    openOutside(event.url)
  })
  webContents.on('will-redirect', (event) => {
    if (!guards.isAppPage(event.url)) event.preventDefault()
  })
  webContents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Permissions the admin UI may use: writing to the clipboard (copy buttons). Everything else is denied. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void
}

export function denyPermissionRequests(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(GRANTED_PERMISSIONS.has(permission)))
  session.setPermissionCheckHandler((_webContents, permission) => GRANTED_PERMISSIONS.has(permission))
}

/**
 * The renderer's Content-Security-Policy. In development electron-vite's dev server needs an inline
 * script (React refresh preamble) and a websocket (HMR) on its own origin; production gets only 'self'.
 */
export function contentSecurityPolicy(options: { devServerUrl?: string | undefined } = {}): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ]
  const devServer = options.devServerUrl ? URL.parse(options.devServerUrl) : null
  if (devServer) {
    const websocket = `${devServer.protocol === 'https:' ? 'wss' : 'ws'}://${devServer.host}`
    for (const [name, sources] of directives) {
      if (name === 'script-src') sources.push("'unsafe-inline'")
      if (name === 'connect-src') sources.push(devServer.origin, websocket)
    }
  }
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}

export type ResponseHeaders = Record<string, string[]>

export interface HeaderSession {
  webRequest: {
    onHeadersReceived(
      listener: (details: { responseHeaders?: ResponseHeaders }, callback: (response: { responseHeaders: ResponseHeaders }) => void) => void,
    ): void
  }
}

/** Sets `policy` as the Content-Security-Policy header of every response in the session, replacing any other. */
export function installContentSecurityPolicy(session: HeaderSession, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders ?? {}, policy) })
  })
}

export function withContentSecurityPolicy(headers: ResponseHeaders, policy: string): ResponseHeaders {
  const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy')
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] }
}
