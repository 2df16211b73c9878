import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CliFlags } from '../config/load-config'
import { startGatewayHost, type GatewayHost } from '../host/start-gateway-host'
import { createMemorySecretStore } from '../secrets'

export interface TestHost {
  host: GatewayHost
  url: string
  apiKey: string
  dataDir: string
  configDir: string
  /** Captured human-readable console output. */
  consoleLines: string[]
  close(): Promise<void>
}

/**
 * A real gateway on a real loopback socket (port 0), with its own temporary data and config directories,
 * a real SQLite file and an in-memory secret store. It runs with --allow-local-endpoints, because the
 * mock upstreams listen on 127.0.0.1; pass `flags: { allowLocalEndpoints: false }` to test the SSRF guard.
 */
export async function startTestHost(
  options: {
    flags?: Partial<CliFlags>
    env?: NodeJS.ProcessEnv
    config?: unknown
    rendererDir?: string
    /** Use these directories (created if missing) and leave them on close, so a second host can restart on them. */
    dirs?: { dataDir: string; configDir: string }
    /** Written into the host's secret store before it starts, by full name (`provider:<id>:<name>`): a signed-in instance. */
    secrets?: Record<string, string>
  } = {},
): Promise<TestHost> {
  const root = options.dirs ? undefined : mkdtempSync(join(tmpdir(), 'omnillm-host-'))
  const dataDir = options.dirs?.dataDir ?? join(root!, 'data')
  const configDir = options.dirs?.configDir ?? join(root!, 'config')
  const removeRoot = () => root && rmSync(root, { recursive: true, force: true })
  mkdirSync(configDir, { recursive: true, mode: 0o700 })
  if (options.config !== undefined) writeFileSync(join(configDir, 'config.json'), JSON.stringify(options.config))
  const consoleLines: string[] = []
  const secretStore = createMemorySecretStore()
  for (const [name, value] of Object.entries(options.secrets ?? {})) await secretStore.set(name, value)
  try {
    const host = await startGatewayHost({
      mode: 'headless',
      dataDir,
      configDir,
      flags: { port: 0, allowLocalEndpoints: true, ...options.flags },
      env: options.env ?? {},
      secretStore,
      rendererDir: options.rendererDir,
      console: { write: (text: string) => consoleLines.push(text) },
    })
    return {
      host,
      url: host.url,
      apiKey: host.apiKey,
      dataDir,
      configDir,
      consoleLines,
      close: async () => {
        await host.stop()
        removeRoot()
      },
    }
  } catch (error) {
    removeRoot()
    throw error
  }
}
