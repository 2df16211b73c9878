import { CopyButton } from '@/components/copy-button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { cn } from '@/lib/utils'

export function EndpointCard({ endpoint, stale }: { endpoint: string | null; stale: boolean }) {
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>Endpoint</CardTitle>
        <CardDescription>Point OpenAI- and Anthropic-compatible clients at this base URL.</CardDescription>
      </CardHeader>
      <CardContent>
        <div className="bg-muted/50 flex h-11 items-center gap-2 rounded-lg border pr-1.5 pl-3.5">
          {endpoint === null ? (
            <Skeleton className="h-4 w-56" />
          ) : (
            <>
              <code
                data-testid="status-endpoint"
                className={cn('min-w-0 flex-1 truncate font-mono text-sm', stale && 'opacity-50')}
              >
                {endpoint}
              </code>
              <CopyButton value={endpoint} label="Copy endpoint" data-testid="status-copy-endpoint" />
            </>
          )}
        </div>
      </CardContent>
    </Card>
  )
}
