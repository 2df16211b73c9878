import type { JsonSchema } from '../../cif'
import type { GeminiSchema } from './gemini-request-body'

/**
 * `exclusiveMinimum` / `exclusiveMaximum` (a number since draft 6, a flag on minimum/maximum in draft 4)
 * → Gemini's inclusive `minimum` / `maximum`: exact for integers (bound ± 1), approximate (and
 * reported) for numbers.
 */
export function rewriteExclusiveBounds(node: JsonSchema, own: GeminiSchema, type: string | undefined, lossy: Set<string>): void {
  rewrite(node, own, type, lossy, 'exclusiveMinimum', 'minimum', 1)
  rewrite(node, own, type, lossy, 'exclusiveMaximum', 'maximum', -1)
}

function rewrite(node: JsonSchema, own: GeminiSchema, type: string | undefined, lossy: Set<string>, keyword: string, bound: 'minimum' | 'maximum', direction: 1 | -1): void {
  const value = node[keyword]
  const limit = typeof value === 'number' ? value : value === true && typeof node[bound] === 'number' ? (node[bound] as number) : undefined
  if (limit === undefined) {
    if (value !== undefined && value !== false) lossy.add(keyword)
    return
  }
  const inclusive = type === 'integer' ? (direction === 1 ? Math.floor(limit) + 1 : Math.ceil(limit) - 1) : limit
  if (type !== 'integer') lossy.add(keyword)
  const current = own[bound]
  const tighter = typeof current !== 'number' || (direction === 1 ? inclusive > current : inclusive < current)
  if (tighter) own[bound] = inclusive
}
