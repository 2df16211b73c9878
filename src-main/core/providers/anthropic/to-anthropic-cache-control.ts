import type { CifCacheControl } from '../../cif'
import type { AnthropicCacheControl } from './anthropic-request-body'

/** CIF cache breakpoint → the wire object, as an optional spread (`...toAnthropicCacheControl(x)`). */
export function toAnthropicCacheControl(cacheControl: CifCacheControl | undefined): { cache_control?: AnthropicCacheControl } {
  if (!cacheControl) return {}
  return { cache_control: cacheControl.ttl ? { type: 'ephemeral', ttl: cacheControl.ttl } : { type: 'ephemeral' } }
}
