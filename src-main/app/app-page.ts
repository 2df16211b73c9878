import { pathToFileURL } from 'node:url'

/** Where the admin UI comes from: the built file in production, electron-vite's dev server in `npm run app`. */
export interface AppPageLocation {
  /** Absolute path of out/renderer/index.html. */
  rendererIndexPath: string
  /** ELECTRON_RENDERER_URL, set by electron-vite in development only. */
  devServerUrl?: string | undefined
}

/**
 * Returns a predicate telling whether a URL is our own renderer page: the exact index.html file URL (any
 * hash or query, so client-side routes work) or, in development, any page on the dev server's origin.
 * Navigation guards, the CSP and the IPC sender check all trust exactly this set.
 */
export function createAppPageMatcher(location: AppPageLocation): (url: string) => boolean {
  const rendererFileUrl = pathToFileURL(location.rendererIndexPath).href
  const devServerOrigin = location.devServerUrl ? new URL(location.devServerUrl).origin : undefined
  return (url) => {
    const parsed = URL.parse(url)
    if (!parsed) return false
    if (parsed.protocol === 'file:') {
      parsed.hash = ''
      parsed.search = ''
      return parsed.href === rendererFileUrl
    }
    return devServerOrigin !== undefined && parsed.origin === devServerOrigin
  }
}
