import { Badge } from '@/components/ui/badge'
import { cn } from '@/lib/utils'
import type { StatusPhase } from './create-status-store'

const labels: Record<StatusPhase, string> = {
  loading: 'Connecting',
  connected: 'Connected',
  disconnected: 'Disconnected',
}

export function ConnectionBadge({ phase }: { phase: StatusPhase }) {
  return (
    <Badge variant="outline" data-testid="status-connection" data-state={phase} className="h-7 gap-1.5 px-2.5 text-xs">
      <span className="relative flex size-2">
        {phase === 'connected' && <span className="bg-success absolute inline-flex size-full animate-ping rounded-full opacity-60" />}
        <span
          className={cn(
            'relative inline-flex size-2 rounded-full',
            phase === 'connected' && 'bg-success',
            phase === 'loading' && 'bg-warning animate-pulse',
            phase === 'disconnected' && 'bg-destructive',
          )}
        />
      </span>
      {labels[phase]}
    </Badge>
  )
}
