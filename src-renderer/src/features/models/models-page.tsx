import { useEffect, useId } from 'react'
import { CircleAlert, RefreshCw, Search } from 'lucide-react'

import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { Skeleton } from '@/components/ui/skeleton'
import { Switch } from '@/components/ui/switch'
import { cn } from '@/lib/utils'
import type { CatalogueModel } from '../../../../src-preload/contract'
import { modelKey } from './create-models-store'
import { formatContextWindow, groupModels, type ModelGroup } from './group-models'
import { useModelsStore } from './use-models-store'

export function ModelsPage() {
  const models = useModelsStore((s) => s.models)
  const refreshing = useModelsStore((s) => s.refreshing)
  const error = useModelsStore((s) => s.error)
  const toggleError = useModelsStore((s) => s.toggleError)
  const filter = useModelsStore((s) => s.filter)
  const load = useModelsStore((s) => s.load)
  const refresh = useModelsStore((s) => s.refresh)
  const setFilter = useModelsStore((s) => s.setFilter)
  const filterId = useId()

  useEffect(() => void load(), [load])

  const groups = models ? groupModels(models, filter) : null
  const enabled = models?.filter((model) => model.enabled).length ?? 0

  return (
    <div className="flex flex-col gap-6" data-testid="models-page">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Models</h1>
          <p className="text-muted-foreground max-w-2xl text-sm">
            Every model the enabled instances serve. A model switched off is not listed in <span className="font-mono">/v1/models</span> and is
            not routed to, now and after a restart.
          </p>
        </div>
        <Button
          variant="outline"
          size="sm"
          onClick={() => void refresh()}
          disabled={refreshing}
          data-testid="models-refresh"
          title="Ask every instance for its model list again"
        >
          <RefreshCw className={cn(refreshing && 'animate-spin')} />
          Refresh
        </Button>
      </header>

      {error && (
        <Alert variant="destructive" data-testid="models-error" data-code={error.code} className="border-destructive/30 bg-destructive/5">
          <CircleAlert />
          <AlertTitle>Could not list the models</AlertTitle>
          <AlertDescription>
            <p>{error.message}</p>
          </AlertDescription>
        </Alert>
      )}
      {toggleError && (
        <Alert variant="destructive" data-testid="models-toggle-error" data-code={toggleError.code} className="border-destructive/30 bg-destructive/5">
          <CircleAlert />
          <AlertTitle>
            Could not switch <span className="font-mono">{toggleError.key}</span>
          </AlertTitle>
          <AlertDescription>
            <p>{toggleError.message}</p>
          </AlertDescription>
        </Alert>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Label htmlFor={filterId} className="sr-only">
          Filter models
        </Label>
        <div className="relative w-full max-w-sm">
          <Search className="text-muted-foreground pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2" aria-hidden="true" />
          <Input
            id={filterId}
            type="search"
            placeholder="Filter by model, instance or version"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            data-testid="models-filter"
            className="pl-9"
          />
        </div>
        {models && (
          <span className="text-muted-foreground text-sm tabular-nums" data-testid="models-count">
            {enabled} of {models.length} on
          </span>
        )}
      </div>

      {groups === null ? (
        <Card className="gap-3 px-6">
          <Skeleton className="h-5 w-32" />
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
        </Card>
      ) : models?.length === 0 ? (
        <p className="text-muted-foreground text-sm" data-testid="models-empty">
          No instance lists a model yet. Instances that list their models live appear once they answer (after signing in, for some);
          Refresh asks them again.
        </p>
      ) : groups.length === 0 ? (
        <p className="text-muted-foreground text-sm" data-testid="models-no-match">
          No model matches “{filter.trim()}”.
        </p>
      ) : (
        groups.map((group) => <ModelGroupCard key={group.instanceId} group={group} />)
      )}
    </div>
  )
}

function ModelGroupCard({ group }: { group: ModelGroup }) {
  const headingId = useId()
  return (
    <Card className="gap-0 pb-0" data-testid={`models-group-${group.instanceId}`} aria-labelledby={headingId} role="region">
      <CardHeader className="border-b pb-4">
        <CardTitle id={headingId} className="flex items-center gap-2">
          <span className="font-mono">{group.instanceId}</span>
          <Badge variant="secondary" className="tabular-nums">
            {group.enabledCount} of {group.total} on
          </Badge>
        </CardTitle>
        <CardDescription>
          Clients name these <span className="font-mono">{group.instanceId}:&lt;model&gt;</span>, or just the model when the instance is active.
        </CardDescription>
      </CardHeader>
      <ul className="divide-y">
        {group.models.map((model) => (
          <ModelRow key={model.id} model={model} />
        ))}
      </ul>
    </Card>
  )
}

function ModelRow({ model }: { model: CatalogueModel }) {
  const key = modelKey(model)
  const busy = useModelsStore((s) => s.toggling.includes(key))
  const setEnabled = useModelsStore((s) => s.setEnabled)
  const details = [model.version && model.version !== model.id && `version ${model.version}`, model.contextWindow !== null && `${formatContextWindow(model.contextWindow)} context`, model.ownedBy]
    .filter(Boolean)
    .join(' · ')
  return (
    <li data-testid="model-row" data-key={key} data-enabled={model.enabled} className="flex items-center gap-4 px-6 py-3">
      <div className={cn('flex min-w-0 flex-1 flex-col gap-0.5 transition-opacity', !model.enabled && 'opacity-60')}>
        <span className="truncate font-mono text-sm font-medium" title={model.id}>
          {model.id}
        </span>
        {details && <span className="text-muted-foreground truncate text-xs">{details}</span>}
      </div>
      {!model.enabled && (
        <Badge variant="outline" className="text-muted-foreground">
          Off
        </Badge>
      )}
      <Switch
        checked={model.enabled}
        disabled={busy}
        aria-label={`Serve ${key}`}
        data-testid={`model-switch-${key}`}
        onCheckedChange={(checked) => void setEnabled(model, checked)}
      />
    </li>
  )
}
