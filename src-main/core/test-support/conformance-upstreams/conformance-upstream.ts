import type { ProviderConfig } from '../../config/gateway-config-schema'

/** A request the mock upstream received, as every mock records it. */
export interface RecordedUpstreamRequest {
  path: string
  body: unknown
}

export interface StartedConformanceUpstream {
  /** The instance entry the gateway's config file gets (its `id` is the upstream's instanceId). */
  provider: ProviderConfig & Record<string, unknown>
  requests: RecordedUpstreamRequest[]
  /** Secrets the gateway's store must hold before it starts (`provider:<id>:<name>` → value), e.g. an OAuth sign-in. */
  secrets?: Record<string, string>
  close(): Promise<void>
}

/**
 * One upstream dialect the conformance suite runs every client against: a strict local replica of the
 * real API plus the provider instance pointing at it. One file per upstream in this folder; the suite
 * finds them all, so a new provider joins the matrix by adding its file.
 */
export interface ConformanceUpstream {
  name: string
  instanceId: string
  /** The `instance-id:model` a client names. */
  model: string
  /** What this upstream's wire can report, so tests assert exactly what it should. */
  capabilities: {
    /** The upstream names the stop sequence that matched (Chat Completions does not). */
    reportsStopSequence: boolean
    /** The upstream reports cache writes, not only cache reads. */
    reportsCacheWrite: boolean
    /** Reasoning comes with a signature the upstream verifies when it is replayed. */
    signsReasoning: boolean
  }
  start(): Promise<StartedConformanceUpstream>
}
