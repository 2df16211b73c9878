/**
 * How deeply the arrays and objects of a JSON text nest (brackets inside strings do not count), counted
 * without parsing and without recursion; the scan stops as soon as the depth passes `limit`.
 */
export function jsonNestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0
  let deepest = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x22) {
      // A string: jump to the quote that closes it (one not escaped, i.e. after an even run of backslashes).
      // indexOf runs natively, several times faster over long prompts than stepping through them here.
      let end = index
      for (;;) {
        end = text.indexOf('"', end + 1)
        if (end === -1) return deepest // never closed: nothing after it counts
        let backslashes = 0
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++
        if (backslashes % 2 === 0) break
      }
      index = end
    } else if (code === 0x5b || code === 0x7b) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > limit) return deepest
      }
    } else if (code === 0x5d || code === 0x7d) {
      depth--
    }
  }
  return deepest
}
