import { Gauge, LoaderCircle, LogIn, Server, Star } from 'lucide-react'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { cn } from '@/lib/utils'
import type { ProviderSummary } from '../../../../src-preload/contract'
import { UsagePanel } from './usage-panel'
import { useProvidersStore, useSignInStore } from './use-providers-store'

/** One configured instance: what it is, whether it is on and active, and what can be done with it. */
export function ProviderRow({ provider }: { provider: ProviderSummary }) {
  const activating = useProvidersStore((s) => s.activating)
  const activateError = useProvidersStore((s) => (s.activateError?.id === provider.id ? s.activateError : null))
  const usage = useProvidersStore((s) => s.usage[provider.id])
  const makeActive = useProvidersStore((s) => s.makeActive)
  const showUsage = useProvidersStore((s) => s.showUsage)
  const hideUsage = useProvidersStore((s) => s.hideUsage)
  const openSignIn = useSignInStore((s) => s.open)

  const busy = activating === provider.id
  const headingId = `provider-${provider.id}-name`
  return (
    <li
      data-testid={`provider-row-${provider.id}`}
      data-active={provider.active || undefined}
      data-enabled={provider.enabled}
      aria-labelledby={headingId}
      className="flex flex-col gap-4 px-6 py-4"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <span
          className={cn(
            'flex size-9 shrink-0 items-center justify-center rounded-lg border [&>svg]:size-4',
            provider.active ? 'bg-primary text-primary-foreground border-transparent' : 'bg-muted/50 text-muted-foreground',
          )}
          aria-hidden="true"
        >
          <Server />
        </span>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <span id={headingId} className="truncate font-mono text-sm font-semibold">
              {provider.id}
            </span>
            {provider.active && (
              <Badge data-testid={`provider-active-${provider.id}`}>
                <Star aria-hidden="true" />
                Active
              </Badge>
            )}
            <Badge variant="outline" data-testid={`provider-enabled-${provider.id}`} className="gap-1.5">
              <span className={cn('size-1.5 rounded-full', provider.enabled ? 'bg-success' : 'bg-muted-foreground/50')} aria-hidden="true" />
              {provider.enabled ? 'Enabled' : 'Disabled'}
            </Badge>
          </div>
          <span className="text-muted-foreground truncate text-xs">
            <span className="font-mono">{provider.type}</span>
            {!provider.enabled && ' · turned off in the config file'}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {provider.signIn && (
            <Button size="sm" variant="outline" data-testid={`provider-sign-in-${provider.id}`} onClick={() => void openSignIn(provider.id)}>
              <LogIn />
              Sign in
            </Button>
          )}
          {provider.usage && (
            <Button
              size="sm"
              variant="outline"
              data-testid={`provider-usage-${provider.id}`}
              aria-expanded={usage !== undefined}
              onClick={() => (usage && usage.status !== 'loading' ? hideUsage(provider.id) : void showUsage(provider.id))}
            >
              <Gauge />
              {usage && usage.status !== 'loading' ? 'Hide usage' : 'Usage'}
            </Button>
          )}
          {provider.enabled && !provider.active && (
            <Button size="sm" disabled={activating !== null} data-testid={`provider-make-active-${provider.id}`} onClick={() => void makeActive(provider.id)}>
              {busy && <LoaderCircle className="animate-spin" />}
              Make active
            </Button>
          )}
        </div>
      </div>
      {activateError && (
        <p role="alert" data-testid={`provider-error-${provider.id}`} className="text-destructive text-sm">
          {activateError.message}
        </p>
      )}
      {usage && (
        <div className="sm:pl-13">
          <UsagePanel id={provider.id} entry={usage} />
        </div>
      )}
    </li>
  )
}
