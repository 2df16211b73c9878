import * as React from 'react'
import type { LucideIcon } from 'lucide-react'

import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { cn } from '@/lib/utils'

interface StatCardProps {
  label: string
  icon: LucideIcon
  /** Null while the first status is loading. */
  value: React.ReactNode | null
  detail?: React.ReactNode
  caution?: boolean
  mono?: boolean
  stale?: boolean
  testId: string
  /** Raw machine-readable value for tests, on the element that carries `testId`. */
  rawValue?: string | number
}

export function StatCard({ label, icon: Icon, value, detail, caution, mono, stale, testId, rawValue }: StatCardProps) {
  return (
    <Card className="gap-3 py-5">
      <div className="text-muted-foreground flex items-center justify-between px-5 text-xs font-medium">
        <span>{label}</span>
        <Icon className="size-4" aria-hidden="true" />
      </div>
      <div className="flex min-h-14 flex-col gap-1 px-5">
        {value === null ? (
          <>
            <Skeleton className="h-7 w-28" />
            <Skeleton className="mt-1 h-3.5 w-40" />
          </>
        ) : (
          <>
            <div
              data-testid={testId}
              data-value={rawValue}
              title={typeof value === 'string' ? value : undefined}
              className={cn(
                'truncate text-xl font-semibold tracking-tight tabular-nums transition-opacity',
                mono && 'font-mono text-lg',
                stale && 'opacity-50',
              )}
            >
              {value}
            </div>
            {detail && (
              <p className={cn('text-muted-foreground truncate text-xs', caution && 'text-amber-700 dark:text-amber-400')}>
                {detail}
              </p>
            )}
          </>
        )}
      </div>
    </Card>
  )
}
