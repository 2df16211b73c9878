/** Longest rest an upstream's Retry-After can impose on an instance (a bogus "86400" must not bench it for a day). */
export const MAX_RETRY_AFTER_MS = 10 * 60_000

/**
 * `Retry-After` as milliseconds from `now`: delay-seconds ("30", "1.5") or an HTTP date. Undefined when
 * absent, unreadable or already past; capped at MAX_RETRY_AFTER_MS.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (text === '') return undefined
  const seconds = Number(text)
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(text) - now
  if (!Number.isFinite(ms) || ms <= 0) return undefined
  return Math.min(Math.ceil(ms), MAX_RETRY_AFTER_MS)
}
