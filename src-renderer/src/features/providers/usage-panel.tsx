import { CircleX, LoaderCircle } from 'lucide-react'

import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert'
import { cn } from '@/lib/utils'
import type { UsageEntry } from './create-providers-store'
import { summarizeUsage, type QuotaRow } from './summarize-usage'

/** An instance's usage report: the quotas at a glance when the shape is known, and the JSON as sent. */
export function UsagePanel({ id, entry }: { id: string; entry: UsageEntry }) {
  if (entry.status === 'loading') {
    return (
      <div data-testid={`usage-loading-${id}`} className="text-muted-foreground flex items-center gap-2 text-sm">
        <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />
        Asking the upstream for usage…
      </div>
    )
  }
  if (entry.status === 'error') {
    return (
      <Alert variant="destructive" data-testid={`usage-error-${id}`} data-code={entry.error.code} className="border-destructive/30 bg-destructive/5">
        <CircleX />
        <AlertTitle>No usage report</AlertTitle>
        <AlertDescription>
          <p>{entry.error.message}</p>
        </AlertDescription>
      </Alert>
    )
  }
  const summary = summarizeUsage(entry.report)
  return (
    <div data-testid={`usage-${id}`} className="flex flex-col gap-3">
      {summary && (
        <>
          <div className="text-muted-foreground flex flex-wrap gap-x-4 gap-y-1 text-xs">
            {summary.plan && (
              <span>
                Plan <span className="text-foreground font-medium">{summary.plan}</span>
              </span>
            )}
            {summary.resetDate && (
              <span>
                Resets <span className="text-foreground font-medium">{summary.resetDate}</span>
              </span>
            )}
          </div>
          <ul aria-label="Quotas" className="grid gap-2 sm:grid-cols-3">
            {summary.quotas.map((quota) => (
              <QuotaTile key={quota.id} quota={quota} />
            ))}
          </ul>
        </>
      )}
      <details open={!summary} className="group">
        <summary className="text-muted-foreground hover:text-foreground w-fit cursor-pointer text-xs font-medium select-none">Raw report</summary>
        <pre
          data-testid={`usage-json-${id}`}
          className="bg-muted/50 mt-2 max-h-72 overflow-auto rounded-lg border p-3 font-mono text-xs leading-relaxed"
        >
          {JSON.stringify(entry.report, null, 2)}
        </pre>
      </details>
    </div>
  )
}

function QuotaTile({ quota }: { quota: QuotaRow }) {
  const percent = quota.unlimited ? 100 : quota.percentRemaining
  return (
    <li data-testid={`quota-${quota.id}`} className="flex flex-col gap-1.5 rounded-lg border p-3">
      <span className="text-muted-foreground text-xs font-medium">{quota.label}</span>
      <span className="text-lg font-semibold tracking-tight tabular-nums">
        {quota.unlimited ? (
          'Unlimited'
        ) : (
          <>
            {quota.remaining ?? '–'}
            {quota.entitlement !== null && <span className="text-muted-foreground text-sm font-normal"> / {quota.entitlement} left</span>}
          </>
        )}
      </span>
      {percent !== null && (
        <div
          role="meter"
          aria-label={`${quota.label} remaining`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(percent)}
          className="bg-muted h-1.5 overflow-hidden rounded-full"
        >
          <div
            className={cn('h-full rounded-full', percent > 25 ? 'bg-success' : percent > 10 ? 'bg-warning' : 'bg-destructive')}
            style={{ width: `${Math.min(100, Math.max(0, percent))}%` }}
          />
        </div>
      )}
    </li>
  )
}
