/** One quota of a usage report, e.g. Copilot's premium requests. */
export interface QuotaRow {
  id: string
  label: string
  unlimited: boolean
  remaining: number | null
  entitlement: number | null
  percentRemaining: number | null
}

export interface UsageSummary {
  plan: string | null
  resetDate: string | null
  quotas: QuotaRow[]
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null)
const stringOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)

/** `premium_interactions` → `Premium interactions`. */
export function humanizeKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The numbers worth showing at a glance, when the report has the shape of Copilot's quota snapshot
 * (`quota_snapshots.<name>.{entitlement, remaining, percent_remaining, unlimited}`); null otherwise,
 * and the page shows only the raw JSON.
 */
export function summarizeUsage(report: Record<string, unknown>): UsageSummary | null {
  const snapshots = report.quota_snapshots
  if (!isRecord(snapshots)) return null
  const quotas: QuotaRow[] = Object.entries(snapshots).flatMap(([id, snapshot]) =>
    isRecord(snapshot)
      ? [
          {
            id,
            label: humanizeKey(id),
            unlimited: snapshot.unlimited === true,
            remaining: numberOrNull(snapshot.remaining),
            entitlement: numberOrNull(snapshot.entitlement),
            percentRemaining: numberOrNull(snapshot.percent_remaining),
          },
        ]
      : [],
  )
  if (quotas.length === 0) return null
  return {
    plan: stringOrNull(report.copilot_plan) ?? stringOrNull(report.access_type_sku),
    resetDate: stringOrNull(report.quota_reset_date),
    quotas,
  }
}
