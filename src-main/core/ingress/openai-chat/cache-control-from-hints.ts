import type { CifCacheControl } from '../../cif'

interface CacheHints {
  cache_control?: { type: 'ephemeral'; ttl?: '5m' | '1h' } | undefined
  prompt_cache_breakpoint?: { mode: 'explicit' } | undefined
}

/**
 * A part's (or message's) cache hint → a CIF breakpoint. OpenAI's `prompt_cache_breakpoint` marks the end
 * of a reusable prefix just as an Anthropic breakpoint does; its TTL comes from the request, so none is set.
 */
export function cacheControlFromHints(hints: CacheHints): CifCacheControl | undefined {
  if (hints.cache_control) return hints.cache_control.ttl ? { type: 'ephemeral', ttl: hints.cache_control.ttl } : { type: 'ephemeral' }
  if (hints.prompt_cache_breakpoint) return { type: 'ephemeral' }
  return undefined
}
