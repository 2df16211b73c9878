import { useState, type FormEvent } from 'react'
import { LoaderCircle, Lock } from 'lucide-react'

import { OmniLlmBrandMark } from '@/components/omnillm-logo'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { useConnectionStore } from './use-connection-store'

/** Shown in a browser (headless gateway at /admin/) until the user enters an API key the gateway accepts. */
export function ConnectScreen() {
  const phase = useConnectionStore((s) => s.phase)
  const notice = useConnectionStore((s) => s.notice)
  const connect = useConnectionStore((s) => s.connect)
  const [apiKey, setApiKey] = useState('')
  const verifying = phase === 'verifying'

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void connect(apiKey)
  }

  return (
    <main className="bg-muted/40 flex min-h-full flex-col items-center justify-center gap-6 p-6">
      <div className="flex items-center gap-2.5">
        <OmniLlmBrandMark />
        <span className="text-lg font-semibold tracking-tight">OmniLLM</span>
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-lg">Connect to the gateway</CardTitle>
          <CardDescription>Enter an API key for this gateway to open its admin console.</CardDescription>
        </CardHeader>
        <CardContent>
          <form data-testid="connect-form" className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
            <div className="flex flex-col gap-2">
              <Label htmlFor="connect-api-key">API key</Label>
              <Input
                id="connect-api-key"
                data-testid="connect-api-key"
                type="password"
                autoComplete="off"
                spellCheck={false}
                autoFocus
                placeholder="Paste your API key"
                value={apiKey}
                onChange={(event) => setApiKey(event.target.value)}
                aria-invalid={notice ? true : undefined}
                aria-describedby={notice ? 'connect-error' : undefined}
                disabled={verifying}
              />
              {notice && (
                <p id="connect-error" data-testid="connect-error" role="alert" className="text-destructive text-sm">
                  {notice}
                </p>
              )}
            </div>
            <Button type="submit" data-testid="connect-submit" disabled={verifying || apiKey.trim() === ''}>
              {verifying && <LoaderCircle className="animate-spin" />}
              {verifying ? 'Connecting…' : 'Connect'}
            </Button>
          </form>
        </CardContent>
        <CardFooter className="border-t">
          <p className="text-muted-foreground flex items-start gap-2 text-xs leading-relaxed">
            <Lock className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
            The key stays in this browser&apos;s local storage and is sent only to this gateway.
          </p>
        </CardFooter>
      </Card>
      <p className="text-muted-foreground font-mono text-xs">{window.location.host}</p>
    </main>
  )
}
