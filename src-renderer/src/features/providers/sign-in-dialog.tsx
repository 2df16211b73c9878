import { useRef, type ReactNode } from 'react'
import { CircleCheck, CircleX, LoaderCircle } from 'lucide-react'

import { CopyButton } from '@/components/copy-button'
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { formatDuration } from '@/lib/format-duration'
import { useNow } from '@/lib/use-now'
import type { SignInFlowStateDto, SignInProgressDto } from '../../../../src-preload/contract'
import { ExternalLink } from './external-link'
import { useSignInStore } from './use-providers-store'

/** The in-app sign-in: shows the device code or URL, follows the flow, and cancels it when closed early. */
export function SignInDialog() {
  const instanceId = useSignInStore((s) => s.instanceId)
  const flow = useSignInStore((s) => s.flow)
  const starting = useSignInStore((s) => s.starting)
  const cancelling = useSignInStore((s) => s.cancelling)
  const error = useSignInStore((s) => s.error)
  const cancel = useSignInStore((s) => s.cancel)
  const close = useSignInStore((s) => s.close)

  const contentRef = useRef<HTMLDivElement>(null)

  const pending = starting || flow?.status === 'pending'
  return (
    <Dialog open={instanceId !== null} onOpenChange={(open) => !open && close()}>
      <DialogContent
        data-testid="sign-in-dialog"
        ref={contentRef}
        onOpenAutoFocus={(event) => {
          // Focus the dialog itself, not its first button: the screen reader reads the title, Tab reaches the link.
          event.preventDefault()
          contentRef.current?.focus()
        }}
        data-status={starting ? 'starting' : flow?.status}
        className="gap-5 focus:outline-none"
      >
        <DialogHeader>
          <DialogTitle>
            Sign in to <span className="font-mono">{instanceId}</span>
          </DialogTitle>
          <DialogDescription>
            {pending ? 'Finish signing in in your browser; this dialog follows along. Closing it cancels the sign-in.' : 'The sign-in has ended.'}
          </DialogDescription>
        </DialogHeader>

        <div aria-live="polite" className="flex min-h-24 flex-col justify-center gap-4">
          {starting && !flow ? <Waiting message="Starting the sign-in…" /> : flow && <FlowBody flow={flow} />}
        </div>

        {error && (
          <Alert variant="destructive" data-testid="sign-in-error" data-code={error.code} className="border-destructive/30 bg-destructive/5">
            <CircleX />
            <AlertTitle>Sign-in problem</AlertTitle>
            <AlertDescription>
              <p>{error.message}</p>
            </AlertDescription>
          </Alert>
        )}

        <DialogFooter>
          {pending ? (
            <Button variant="outline" onClick={() => void cancel()} disabled={!flow || cancelling} data-testid="sign-in-cancel">
              {cancelling && <LoaderCircle className="animate-spin" />}
              Cancel sign-in
            </Button>
          ) : (
            <Button onClick={close} data-testid="sign-in-close">
              Close
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}

function FlowBody({ flow }: { flow: SignInFlowStateDto }) {
  switch (flow.status) {
    case 'pending':
      return flow.progress ? <Progress progress={flow.progress} /> : <Waiting message="Waiting…" />
    case 'succeeded':
      return (
        <p data-testid="sign-in-succeeded" className="flex items-center gap-2 text-sm font-medium">
          <CircleCheck className="text-success size-5 shrink-0" aria-hidden="true" />
          {flow.account ? (
            <span>
              Signed in as <span className="font-mono">{flow.account}</span>
            </span>
          ) : (
            'Signed in.'
          )}
        </p>
      )
    case 'failed':
      return (
        <Alert variant="destructive" data-testid="sign-in-failed" className="border-destructive/30 bg-destructive/5">
          <CircleX />
          <AlertTitle>Sign-in failed</AlertTitle>
          <AlertDescription>
            <p>{flow.message ?? 'The sign-in failed; see the gateway log.'}</p>
          </AlertDescription>
        </Alert>
      )
    case 'cancelled':
      return (
        <p data-testid="sign-in-cancelled" className="text-muted-foreground text-sm">
          Sign-in cancelled. Nothing was changed.
        </p>
      )
  }
}

function Progress({ progress }: { progress: SignInProgressDto }) {
  switch (progress.step) {
    case 'device-code':
      return (
        <>
          <ol className="flex flex-col gap-4 text-sm">
            <Step number={1}>
              <span>
                Open <ExternalLink href={progress.verificationUri} data-testid="sign-in-verification-link" />
              </span>
            </Step>
            <Step number={2}>
              <span>Enter this code there:</span>
              <div className="bg-muted/50 flex h-16 items-center justify-between gap-2 rounded-lg border pr-2 pl-4">
                <code data-testid="sign-in-user-code" className="font-mono text-3xl font-semibold tracking-widest select-all">
                  {progress.userCode}
                </code>
                <CopyButton value={progress.userCode} label="Copy code" data-testid="sign-in-copy-code" />
              </div>
            </Step>
          </ol>
          <Waiting message="Waiting for you to authorize…" detail={<ExpiresIn expiresAt={progress.expiresAt} />} />
        </>
      )
    case 'open-url':
      return (
        <>
          <div className="flex flex-col gap-2 text-sm">
            <span>Open this address in your browser to sign in:</span>
            <div className="bg-muted/50 flex items-center gap-2 rounded-lg border py-2 pr-2 pl-3">
              <ExternalLink href={progress.url} data-testid="sign-in-url" className="min-w-0 flex-1 text-sm" />
              <CopyButton value={progress.url} label="Copy address" />
            </div>
          </div>
          <Waiting message="Waiting for the browser…" />
        </>
      )
    case 'waiting':
      return <Waiting message={progress.message} />
  }
}

function Step({ number, children }: { number: number; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span aria-hidden="true" className="bg-muted text-muted-foreground flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold">
        {number}
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-2 pt-0.5">{children}</div>
    </li>
  )
}

function Waiting({ message, detail }: { message: string; detail?: ReactNode }) {
  return (
    <div data-testid="sign-in-waiting" className="text-muted-foreground flex items-center gap-2 text-sm">
      <LoaderCircle className="size-4 shrink-0 animate-spin" aria-hidden="true" />
      <span>{message}</span>
      {detail && <span className="ml-auto text-xs tabular-nums">{detail}</span>}
    </div>
  )
}

function ExpiresIn({ expiresAt }: { expiresAt: string }) {
  const now = useNow(1000)
  const end = new Date(expiresAt).getTime()
  if (Number.isNaN(end)) return null
  const seconds = Math.max(0, Math.round((end - now) / 1000))
  return seconds === 0 ? <>Code expired</> : <>Code expires in {formatDuration(seconds)}</>
}
