/// <reference types="vite/client" />
import type { ConformanceUpstream, StartedConformanceUpstream } from './conformance-upstreams/conformance-upstream'
import { startTestHost, type TestHost } from './start-test-host'

// Every file in conformance-upstreams/ that exports a ConformanceUpstream joins the matrix.
const modules = import.meta.glob<Record<string, unknown>>('./conformance-upstreams/*.ts', { eager: true })
const isUpstream = (value: unknown): value is ConformanceUpstream =>
  typeof value === 'object' && value !== null && 'start' in value && 'capabilities' in value && 'instanceId' in value

/** The upstream dialects, in a stable order (`OMNILLM_CONFORMANCE_UPSTREAMS=gemini,anthropic` narrows it). */
export const upstreams: ConformanceUpstream[] = Object.keys(modules)
  .sort()
  .flatMap((path) => Object.values(modules[path]!).filter(isUpstream))
  .filter((upstream) => {
    const only = process.env.OMNILLM_CONFORMANCE_UPSTREAMS?.split(',').map((name) => name.trim())
    return !only || only.includes(upstream.name)
  })

/** For tests pinned to particular upstreams: false when a narrowed run left one of them out. */
export function hasUpstreams(...names: string[]): boolean {
  return names.every((name) => upstreams.some((upstream) => upstream.name === name))
}

export interface ConformanceGateway {
  gateway: TestHost
  /** What each upstream's mock received, by upstream name. */
  upstream(name: string): StartedConformanceUpstream
  close(): Promise<void>
}

/**
 * A real gateway on loopback with one instance per upstream dialect, each pointed at its strict local
 * replica (which rejects what the real API rejects). Clients then name `<instance>:<model>`.
 */
export async function startConformanceGateway(): Promise<ConformanceGateway> {
  const started = new Map<string, StartedConformanceUpstream>()
  for (const upstream of upstreams) started.set(upstream.name, await upstream.start())
  const secrets = Object.assign({}, ...[...started.values()].map((upstream) => upstream.secrets ?? {})) as Record<string, string>
  const gateway = await startTestHost({ config: { providers: [...started.values()].map((upstream) => upstream.provider) }, secrets })
  return {
    gateway,
    upstream(name) {
      const found = started.get(name)
      if (!found) throw new Error(`no conformance upstream named ${name}`)
      return found
    },
    close: async () => {
      await gateway.close()
      for (const upstream of started.values()) await upstream.close()
    },
  }
}
