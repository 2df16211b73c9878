import { useEffect } from 'react'
import { Clock, KeyRound, Monitor, Network, RefreshCw, Server, Tag, Timer } from 'lucide-react'

import { Button } from '@/components/ui/button'
import { formatDuration } from '@/lib/format-duration'
import { useNow } from '@/lib/use-now'
import { cn } from '@/lib/utils'
import { ConnectionBadge } from './connection-badge'
import { describeHost, describeMode, describeSecretStore, formatHostPort, formatStartedAt } from './describe-status'
import { ApprovalsCard } from '@/features/approvals/approvals-card'
import { LogLevelCard } from '@/features/logging/log-level-card'
import { EndpointCard } from './endpoint-card'
import { StatCard } from './stat-card'
import { StatusError } from './status-error'
import { STATUS_POLL_INTERVAL_MS } from './create-status-store'
import { useStatusStore } from './use-status-store'

export function StatusPage() {
  const status = useStatusStore((s) => s.status)
  const receivedAt = useStatusStore((s) => s.receivedAt)
  const phase = useStatusStore((s) => s.phase)
  const error = useStatusStore((s) => s.error)
  const refreshing = useStatusStore((s) => s.refreshing)
  const refresh = useStatusStore((s) => s.refresh)
  const startPolling = useStatusStore((s) => s.startPolling)

  useEffect(() => startPolling(), [startPolling])

  const connected = phase === 'connected'
  const now = useNow(1000, connected)
  const stale = phase === 'disconnected'
  // Uptime ticks locally between polls; it freezes at the last known value while disconnected.
  const uptimeSeconds = status && receivedAt !== null ? status.uptimeSeconds + Math.max(0, (connected ? now : receivedAt) - receivedAt) / 1000 : 0

  const mode = status && describeMode(status.mode)
  const secretStore = status && describeSecretStore(status.secretStore)
  const host = status && describeHost(status.host)
  const started = status && formatStartedAt(status.startedAt)

  return (
    <div className="flex flex-col gap-6" data-testid="status-page">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Status</h1>
          <p className="text-muted-foreground text-sm">Health and connection details of this gateway.</p>
        </div>
        <div className="flex items-center gap-2">
          <ConnectionBadge phase={phase} />
          <Button
            variant="outline"
            size="sm"
            onClick={() => void refresh()}
            disabled={refreshing}
            data-testid="status-refresh"
            title={`Refreshes automatically every ${STATUS_POLL_INTERVAL_MS / 1000}s`}
          >
            <RefreshCw className={cn(refreshing && 'animate-spin')} />
            Refresh
          </Button>
        </div>
      </header>

      {error && <StatusError error={error} hasStatus={status !== null} />}

      <ApprovalsCard />

      <EndpointCard endpoint={status?.endpoint ?? null} stale={stale} />

      <section aria-label="Gateway details" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <StatCard
          label="Version"
          icon={Tag}
          testId="status-version"
          value={status ? status.version : null}
          rawValue={status?.version}
          detail="OmniLLM gateway"
          stale={stale}
        />
        <StatCard
          label="Uptime"
          icon={Timer}
          testId="status-uptime"
          value={status ? formatDuration(uptimeSeconds) : null}
          rawValue={Math.floor(uptimeSeconds)}
          detail={connected ? 'Running' : 'Last known value'}
          stale={stale}
        />
        <StatCard
          label="Mode"
          icon={status?.mode === 'desktop' ? Monitor : Server}
          testId="status-mode"
          value={mode?.label ?? null}
          rawValue={status?.mode}
          detail={mode?.detail}
          stale={stale}
        />
        <StatCard
          label="Listening on"
          icon={Network}
          testId="status-host-port"
          value={status ? formatHostPort(status.host, status.port) : null}
          rawValue={status ? formatHostPort(status.host, status.port) : undefined}
          detail={host?.detail}
          caution={host?.caution}
          stale={stale}
          mono
        />
        <StatCard
          label="Secret store"
          icon={KeyRound}
          testId="status-secret-store"
          value={secretStore?.label ?? null}
          rawValue={status?.secretStore}
          detail={secretStore?.detail}
          caution={secretStore?.caution}
          stale={stale}
        />
        <StatCard
          label="Started"
          icon={Clock}
          testId="status-started-at"
          value={started?.time ?? null}
          rawValue={status?.startedAt}
          detail={started?.date}
          stale={stale}
        />
      </section>

      <LogLevelCard />
    </div>
  )
}
