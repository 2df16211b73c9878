import { CircleAlert } from 'lucide-react'

import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert'

export function StatusError({ error, hasStatus }: { error: { code: string; message: string }; hasStatus: boolean }) {
  return (
    <Alert variant="destructive" data-testid="status-error" data-code={error.code} className="border-destructive/30 bg-destructive/5">
      <CircleAlert />
      <AlertTitle>{error.code === 'unauthorized' ? 'Not authorized' : 'Gateway unreachable'}</AlertTitle>
      <AlertDescription>
        <p>{error.message}</p>
        <p className="text-muted-foreground text-xs">
          <span className="font-mono">{error.code}</span>
          {hasStatus ? ' · showing the last known status; retrying automatically.' : ' · retrying automatically.'}
        </p>
      </AlertDescription>
    </Alert>
  )
}
