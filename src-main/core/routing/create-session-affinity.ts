import type { CircuitBreaker } from './create-circuit-breaker'

export interface SessionAffinityOptions {
  /** Sessions remembered at most; the least recently used is forgotten first. Default 10 000. */
  maxEntries?: number
  /** A session not served for this long is forgotten. Default 1 hour. */
  ttlMs?: number
  /** Milliseconds since some epoch; tests pass a fake clock. Default Date.now. */
  now?: () => number
  /** A remembered instance whose circuit is unavailable is not moved to the front. */
  breaker?: CircuitBreaker
}

/** Which instance served each session last; see createSessionAffinity. */
export interface SessionAffinity {
  /** The candidates with the session's remembered instance first, when it is among them and available. */
  order<Candidate extends { provider: { id: string } }>(candidates: Candidate[], key: string): Candidate[]
  /** Call after `instanceId` served the session. */
  remember(key: string, instanceId: string): void
}

interface Entry {
  instanceId: string
  rememberedAt: number
}

/**
 * Session affinity, so upstream prompt caches stay warm: a bounded LRU map from session key
 * (routing/session-key.ts) to the instance that served it last, each entry living `ttlMs` after it was
 * last remembered.
 */
export function createSessionAffinity(options: SessionAffinityOptions = {}): SessionAffinity {
  const maxEntries = options.maxEntries ?? 10_000
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000
  const now = options.now ?? Date.now
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>()

  const lookUp = (key: string): string | undefined => {
    const entry = entries.get(key)
    if (!entry) return undefined
    entries.delete(key)
    if (now() - entry.rememberedAt >= ttlMs) return undefined
    entries.set(key, entry)
    return entry.instanceId
  }

  return {
    order(candidates, key) {
      const instanceId = lookUp(key)
      if (instanceId === undefined || !(options.breaker?.isAvailable(instanceId) ?? true)) return candidates
      const remembered = candidates.filter((candidate) => candidate.provider.id === instanceId)
      if (remembered.length === 0) return candidates
      return [...remembered, ...candidates.filter((candidate) => candidate.provider.id !== instanceId)]
    },
    remember(key, instanceId) {
      entries.delete(key)
      entries.set(key, { instanceId, rememberedAt: now() })
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
    },
  }
}
