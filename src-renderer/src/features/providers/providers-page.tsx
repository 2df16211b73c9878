import { useEffect } from 'react'
import { CircleAlert, RefreshCw } from 'lucide-react'

import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { cn } from '@/lib/utils'
import { ProviderRow } from './provider-row'
import { SignInDialog } from './sign-in-dialog'
import { useProvidersStore } from './use-providers-store'

export function ProvidersPage() {
  const providers = useProvidersStore((s) => s.providers)
  const loading = useProvidersStore((s) => s.loading)
  const error = useProvidersStore((s) => s.error)
  const load = useProvidersStore((s) => s.load)

  useEffect(() => void load(), [load])

  return (
    <div className="flex flex-col gap-6" data-testid="providers-page">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Providers</h1>
          <p className="text-muted-foreground text-sm">The upstream instances of this gateway&apos;s configuration, in order.</p>
        </div>
        <Button variant="outline" size="sm" onClick={() => void load()} disabled={loading} data-testid="providers-refresh">
          <RefreshCw className={cn(loading && 'animate-spin')} />
          Refresh
        </Button>
      </header>

      {error && (
        <Alert variant="destructive" data-testid="providers-error" data-code={error.code} className="border-destructive/30 bg-destructive/5">
          <CircleAlert />
          <AlertTitle>Could not list the providers</AlertTitle>
          <AlertDescription>
            <p>{error.message}</p>
          </AlertDescription>
        </Alert>
      )}

      <Card className="gap-0 pb-0">
        <CardHeader className="border-b pb-4">
          <CardTitle>Instances</CardTitle>
          <CardDescription>
            The active instance answers model names without an <span className="font-mono">instance:</span> prefix; the tray menu follows it.
          </CardDescription>
        </CardHeader>
        {providers === null ? (
          <div className="flex flex-col gap-3 px-6 py-5">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-full" />
          </div>
        ) : providers.length === 0 ? (
          <p className="text-muted-foreground px-6 py-5 text-sm" data-testid="providers-empty">
            No provider is configured. Add one to the config file (or run <span className="font-mono">omnillm auth</span>) and restart the gateway.
          </p>
        ) : (
          <ul aria-label="Provider instances" className="divide-y">
            {providers.map((provider) => (
              <ProviderRow key={provider.id} provider={provider} />
            ))}
          </ul>
        )}
      </Card>

      <SignInDialog />
    </div>
  )
}
