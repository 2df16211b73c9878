import { isJsonObject, joinPath, rejectExtraFields } from './anthropic-mock-checks'
import { rejectRequest } from './anthropic-mock-error'
import { hasAnthropicBeta, type AnthropicMockValidationContext } from './anthropic-mock-validation-context'

/** The API's limit on cache breakpoints per request (prompt caching docs). */
const maximumBreakpoints = 4

/** Checks one `cache_control` object and records it as a breakpoint. `scope` needs its beta. */
export function validateMockCacheControl(value: unknown, path: string, context: AnthropicMockValidationContext): void {
  if (value === undefined || value === null) return
  if (!isJsonObject(value)) rejectRequest(`${path}: Input should be a valid dictionary`)
  if (value.type !== 'ephemeral') rejectRequest(`${joinPath(path, 'type')}: Input should be 'ephemeral'`)
  const tagged = joinPath(path, 'ephemeral')
  rejectExtraFields(value, hasAnthropicBeta(context, 'prompt-caching-scope-') ? ['type', 'ttl', 'scope'] : ['type', 'ttl'], tagged)
  if (value.ttl !== undefined && value.ttl !== '5m' && value.ttl !== '1h') rejectRequest(`${joinPath(tagged, 'ttl')}: Input should be '5m' or '1h'`)
  context.cacheBreakpoints.push({ path, ttl: value.ttl === '1h' ? '1h' : '5m' })
}

/** At most four breakpoints, and a 1-hour entry never after a 5-minute one. */
export function checkMockCacheBreakpoints(context: AnthropicMockValidationContext): void {
  const breakpoints = context.cacheBreakpoints
  if (breakpoints.length > maximumBreakpoints) rejectRequest(`A maximum of ${maximumBreakpoints} blocks with cache_control may be provided. Found ${breakpoints.length}.`)
  const firstShort = breakpoints.findIndex((breakpoint) => breakpoint.ttl === '5m')
  const lateLong = breakpoints.findIndex((breakpoint, index) => breakpoint.ttl === '1h' && firstShort !== -1 && index > firstShort)
  if (lateLong !== -1) {
    rejectRequest(`${breakpoints[lateLong]!.path}: a cache_control block with ttl='1h' must not come after one with ttl='5m' (longer TTLs must come first)`)
  }
}
