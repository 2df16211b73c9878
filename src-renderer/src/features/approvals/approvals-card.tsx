import { useEffect } from 'react'
import { ShieldQuestion } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { useApprovalsStore } from './use-approvals-store'

const ALWAYS_ALLOW_MINUTES = 10

/** Manual approval (`--manual`): the requests waiting for a decision. Hidden when manual approval is off. */
export function ApprovalsCard() {
  const approvals = useApprovalsStore((s) => s.approvals)
  const deciding = useApprovalsStore((s) => s.deciding)
  const error = useApprovalsStore((s) => s.error)
  const decide = useApprovalsStore((s) => s.decide)
  const startPolling = useApprovalsStore((s) => s.startPolling)

  useEffect(() => startPolling(), [startPolling])

  if (!approvals?.enabled) return null
  return (
    <Card data-testid="approvals-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ShieldQuestion className="text-muted-foreground size-4" aria-hidden="true" />
          Waiting for approval
        </CardTitle>
        <CardDescription>
          Manual approval is on: each request waits here until you decide. Nobody deciding within {approvals.timeoutSeconds} s denies it.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {approvals.pending.length === 0 && (
          <p className="text-muted-foreground text-sm" data-testid="approvals-empty">
            No request is waiting.
          </p>
        )}
        {approvals.pending.map((request) => {
          const busy = deciding.includes(request.id)
          return (
            <div key={request.id} data-testid="approval-row" className="flex flex-wrap items-center justify-between gap-3 rounded-md border p-3">
              <div className="flex min-w-0 flex-col gap-0.5 text-sm">
                <span className="font-medium">
                  {request.method} {request.path}
                  {request.model && <span className="text-muted-foreground font-mono"> · {request.model}</span>}
                </span>
                <span className="text-muted-foreground truncate text-xs">
                  {request.clientIp ?? 'unknown client'} · {request.userAgent ?? 'no User-Agent'}
                  {request.estimatedTokens !== null && ` · ~${request.estimatedTokens} tokens`}
                </span>
              </div>
              <div className="flex gap-2">
                <Button size="sm" disabled={busy} data-testid="approval-approve" onClick={() => void decide({ id: request.id, decision: 'approve' })}>
                  Approve
                </Button>
                <Button size="sm" variant="outline" disabled={busy} data-testid="approval-always" onClick={() => void decide({ id: request.id, decision: 'always-allow', minutes: ALWAYS_ALLOW_MINUTES })}>
                  Always allow ({ALWAYS_ALLOW_MINUTES} min)
                </Button>
                <Button size="sm" variant="destructive" disabled={busy} data-testid="approval-deny" onClick={() => void decide({ id: request.id, decision: 'deny' })}>
                  Deny
                </Button>
              </div>
            </div>
          )
        })}
        {error && (
          <p role="alert" className="text-destructive text-sm">
            {error.message}
          </p>
        )}
      </CardContent>
    </Card>
  )
}
