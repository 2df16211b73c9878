import type { CatalogueEntry } from './model-catalogue'

export type ClaudeFamily = 'opus' | 'sonnet' | 'haiku'

/** Where an alias leads, and which rule matched (for the debug log). */
export interface AliasTarget {
  instanceId: string
  model: string
  rule: 'same-model' | 'same-family' | 'active-first-model'
}

const CONTEXT_SUFFIX = /\[1m\]$/i
const DATE_SUFFIX = /-\d{8}$/

/** `opus`, `claude-opus-4-8`, `claude-haiku-4-5-20251001`, `claude-3-5-sonnet-20241022`, `claude-sonnet-5[1m]` → the family. */
export function claudeFamily(model: string): ClaudeFamily | undefined {
  const name = model.replace(CONTEXT_SUFFIX, '').toLowerCase()
  if (name === 'opus' || name === 'sonnet' || name === 'haiku') return name
  return /^claude-(?:[\d.-]+-)?(opus|sonnet|haiku)(?:-|$)/.exec(name)?.[1] as ClaudeFamily | undefined
}

/** The family a served model id belongs to, wherever the word stands (`anthropic/claude-sonnet-4.5`, `my-haiku`). */
function servedFamily(id: string): ClaudeFamily | undefined {
  return /(?:^|[^a-z])(opus|sonnet|haiku)(?:[^a-z]|$)/i.exec(id)?.[1]?.toLowerCase() as ClaudeFamily | undefined
}

/** The comparable core of a model id: last path segment, lowercase, no `[1m]`, no date, `.` as `-`. */
function baseName(id: string): string {
  return (id.split('/').at(-1) ?? id).toLowerCase().replace(CONTEXT_SUFFIX, '').replace(DATE_SUFFIX, '').replaceAll('.', '-')
}

/** Version numbers, then the date: `claude-opus-4-8` → [4, 8] and 0; `claude-haiku-4-5-20251001` → [4, 5] and 20251001. */
function versionOf(id: string): { numbers: number[]; date: number } {
  const name = (id.split('/').at(-1) ?? id).toLowerCase()
  const date = Number(DATE_SUFFIX.exec(name)?.[0].slice(1) ?? 0)
  return { numbers: (name.replace(DATE_SUFFIX, '').match(/\d+/g) ?? []).map(Number), date }
}

/** Higher version numbers first (a missing one counts as 0), then the later date. */
function newer(a: string, b: string): boolean {
  const [left, right] = [versionOf(a), versionOf(b)]
  for (let index = 0; index < Math.max(left.numbers.length, right.numbers.length); index++) {
    const difference = (left.numbers[index] ?? 0) - (right.numbers[index] ?? 0)
    if (difference !== 0) return difference > 0
  }
  return left.date > right.date
}

/** The newest-looking id of the list (the first on a tie). */
export function newestLooking(ids: string[]): string | undefined {
  return ids.reduce<string | undefined>((best, id) => (best === undefined || newer(id, best) ? id : best), undefined)
}

/**
 * Claude Code's model names on whatever the providers serve. `instanceOrder` is the active instance first,
 * then the rest by priority and config order. Rules, first hit wins:
 * 1. the same model: a served id equal after dropping `[1m]`, a `-YYYYMMDD` date, a vendor path and `.`/`-`
 *    differences (`claude-haiku-4-5-20251001` → `claude-haiku-4-5`), on the first instance in order;
 * 2. the same family (`opus`, `sonnet`, `haiku`): the first instance in order serving one, its newest-looking id;
 * 3. otherwise the active instance's first model.
 * Names that are neither Claude names nor carry `[1m]` get no alias.
 */
export function resolveModelAlias(model: string, entries: CatalogueEntry[], instanceOrder: string[]): AliasTarget | undefined {
  const family = claudeFamily(model)
  if (family === undefined && !CONTEXT_SUFFIX.test(model)) return undefined
  const served = instanceOrder.map((instanceId) => ({ instanceId, ids: entries.filter((entry) => entry.instanceId === instanceId).map((entry) => entry.model.id) }))

  const wanted = family === undefined ? model.replace(CONTEXT_SUFFIX, '') : baseName(model)
  for (const { instanceId, ids } of served) {
    const same = ids.find((id) => (family === undefined ? id === wanted : baseName(id) === wanted))
    if (same !== undefined) return { instanceId, model: same, rule: 'same-model' }
  }
  if (family === undefined) return undefined
  for (const { instanceId, ids } of served) {
    const newest = newestLooking(ids.filter((id) => servedFamily(id) === family))
    if (newest !== undefined) return { instanceId, model: newest, rule: 'same-family' }
  }
  const active = served[0]
  return active?.ids[0] === undefined ? undefined : { instanceId: active.instanceId, model: active.ids[0], rule: 'active-first-model' }
}
