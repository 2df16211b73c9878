import type { GatewayStatus } from '../../../../src-preload/contract'

export interface Description {
  label: string
  detail: string
  /** Something the user should know about (e.g. keys that do not survive a restart). */
  caution?: boolean
}

const secretStores: Record<string, Description> = {
  keychain: { label: 'OS keychain', detail: 'Provider keys are held by the system keychain.' },
  'encrypted-file': { label: 'Encrypted file', detail: 'Provider keys are encrypted at rest on disk.' },
  memory: { label: 'In memory', detail: 'Provider keys are lost when the gateway stops.', caution: true },
}

export function describeSecretStore(kind: string): Description {
  return secretStores[kind] ?? { label: kind, detail: 'Provider key storage reported by the gateway.' }
}

export function describeMode(mode: GatewayStatus['mode']): Description {
  return mode === 'desktop'
    ? { label: 'Desktop', detail: 'Hosted by the OmniLLM tray app.' }
    : { label: 'Headless', detail: 'Started with omnillm start.' }
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

export function describeHost(host: string): Description {
  if (loopbackHosts.has(host) || host.startsWith('127.')) return { label: 'Loopback only', detail: 'Loopback · this machine only' }
  if (host === '0.0.0.0' || host === '::' || host === '[::]') {
    return { label: 'All interfaces', detail: 'All interfaces · reachable from the network', caution: true }
  }
  return { label: 'Network', detail: 'Network interface · reachable from the network', caution: true }
}

/** `host:port`, bracketing IPv6 literals. */
export function formatHostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`
}

/** A start time split for display: the local time of day, and the local date. */
export function formatStartedAt(iso: string): { time: string; date: string } {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return { time: iso, date: '' }
  return {
    time: new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(date),
    date: new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }).format(date),
  }
}
