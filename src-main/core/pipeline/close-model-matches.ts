/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const [left, right] = [a.toLowerCase(), b.toLowerCase()]
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index)
  for (let row = 1; row <= left.length; row++) {
    const current = [row]
    for (let column = 1; column <= right.length; column++) {
      const substitution = previous[column - 1]! + (left[row - 1] === right[column - 1] ? 0 : 1)
      current.push(Math.min(previous[column]! + 1, current[column - 1]! + 1, substitution))
    }
    previous = current
  }
  return previous[right.length]!
}

/**
 * Known ids that look like what was asked for: one contains the other (ignoring case), or they are a few
 * edits apart (at most 2, or a quarter of the name's length). Closest first, at most `limit`.
 */
export function closeModelMatches(model: string, known: string[], limit = 5): string[] {
  const wanted = model.toLowerCase()
  const allowed = Math.max(2, Math.floor(model.length / 4))
  const scored = [...new Set(known)].flatMap((id) => {
    const candidate = id.toLowerCase()
    const distance = editDistance(wanted, candidate)
    const contains = candidate.includes(wanted) || wanted.includes(candidate)
    return contains || distance <= allowed ? [{ id, score: contains ? Math.min(distance, allowed) : distance }] : []
  })
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((entry) => entry.id)
}
