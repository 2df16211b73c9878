import { useEffect } from 'react'
import { ScrollText } from 'lucide-react'
import { logLevelSchema } from '../../../../src-preload/contract'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Label } from '@/components/ui/label'
import { useLogLevelStore } from './use-log-level-store'

export function LogLevelCard() {
  const level = useLogLevelStore((s) => s.level)
  const saving = useLogLevelStore((s) => s.saving)
  const error = useLogLevelStore((s) => s.error)
  const load = useLogLevelStore((s) => s.load)
  const change = useLogLevelStore((s) => s.change)

  useEffect(() => void load(), [load])

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ScrollText className="text-muted-foreground size-4" aria-hidden="true" />
          Logging
        </CardTitle>
        <CardDescription>Takes effect at once and is kept for the next start (a flag, env var or config file still wins).</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap items-center gap-3">
        <Label htmlFor="log-level">Log level</Label>
        <select
          id="log-level"
          data-testid="log-level-select"
          className="border-input bg-background focus-visible:ring-ring/50 h-9 rounded-md border px-3 text-sm shadow-xs outline-none focus-visible:ring-[3px] disabled:opacity-50"
          value={level ?? ''}
          disabled={level === null || saving}
          onChange={(event) => void change(logLevelSchema.parse(event.target.value))}
        >
          {level === null && <option value="">…</option>}
          {logLevelSchema.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        {error && (
          <p role="alert" className="text-destructive text-sm" data-testid="log-level-error">
            {error.message}
          </p>
        )}
      </CardContent>
    </Card>
  )
}
