import type { AdminApi } from './contract'

declare global {
  interface Window {
    /** The admin bridge exposed by the Electron preload; absent when the UI is served over HTTP. */
    omnillm?: AdminApi
  }
}

export {}
