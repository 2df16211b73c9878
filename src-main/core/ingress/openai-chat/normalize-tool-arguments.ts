/**
 * Tool-call arguments as the CIF keeps them: the JSON text exactly as received. Two client mistakes are
 * repaired: an object instead of a string (encoded), and a JSON string that holds the JSON text of an
 * object or array (double-encoded; unwrapped once). Anything else, invalid JSON included, stays as it is.
 */
export function normalizeToolArguments(value: string | Record<string, unknown>): string {
  if (typeof value !== 'string') return JSON.stringify(value)
  let decoded: unknown
  try {
    decoded = JSON.parse(value)
  } catch {
    return value
  }
  if (typeof decoded !== 'string') return value
  try {
    const inner: unknown = JSON.parse(decoded)
    return typeof inner === 'object' && inner !== null ? decoded : value
  } catch {
    return value
  }
}
