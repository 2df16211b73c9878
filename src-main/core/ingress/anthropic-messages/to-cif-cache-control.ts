import type { CifCacheControl, CifWarning } from '../../cif'
import type { AnthropicCacheControl } from './anthropic-cache-control-schema'
import { reportUnmappedFields } from './report-unmapped-fields'

/**
 * `cache_control` → CIF cacheControl (`ttl` only when the client gave one: absent means the 5m default).
 * `path` names the object carrying it ('' for the request itself).
 */
export function toCifCacheControl(cacheControl: AnthropicCacheControl | null | undefined, path: string, warnings: CifWarning[]): CifCacheControl | undefined {
  if (!cacheControl) return undefined
  reportUnmappedFields(cacheControl, ['type', 'ttl'], path ? `${path}.cache_control` : 'cache_control', warnings)
  return cacheControl.ttl ? { type: 'ephemeral', ttl: cacheControl.ttl } : { type: 'ephemeral' }
}
