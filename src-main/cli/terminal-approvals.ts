import { createInterface } from 'node:readline'
import type { ApprovalDecision, ApprovalQueue, PendingApproval } from '../core/limits/create-approval-queue'

export interface TerminalApprovalsOptions {
  queue: ApprovalQueue
  input: NodeJS.ReadableStream
  output: { write(text: string): unknown }
  /** Minutes an "always allow" lasts. */
  allowMinutes?: number
}

function describe(request: PendingApproval): string {
  const size = request.estimatedTokens === null ? '' : `, ~${request.estimatedTokens} tokens`
  const model = request.model === null ? '' : ` ${request.model}`
  return `${request.method} ${request.path}${model}${size} from ${request.clientIp ?? 'unknown'} (${request.userAgent ?? 'no User-Agent'})`
}

/**
 * Headless `--manual`: shows the oldest waiting request and reads one answer per line —
 * `y` approve, `n` deny, `a` always allow this client. Requests decided elsewhere (the admin UI, a
 * timeout, a client that left) are announced and the next one is shown. Returns a function that stops it.
 */
export function promptApprovalsInTerminal(options: TerminalApprovalsOptions): () => void {
  const { queue, output } = options
  const minutes = options.allowMinutes ?? 10
  let shown: string | undefined
  const showNext = () => {
    const next = queue.pending()[0]
    if (!next || next.id === shown) return
    shown = next.id
    const more = queue.pending().length - 1
    output.write(`\nApprove ${describe(next)}?${more > 0 ? ` (${more} more waiting)` : ''}\n  [y] approve  [n] deny  [a] always allow this client for ${minutes} min > `)
  }
  const unsubscribe = queue.subscribe((event) => {
    if (event.type === 'pending') return showNext()
    if (event.id === shown) {
      shown = undefined
      if (event.outcome !== 'approved' && event.outcome !== 'denied') output.write(`\n${event.outcome === 'timed-out' ? 'Timed out (denied)' : event.outcome === 'cancelled' ? 'The client left' : 'Allowed'}.\n`)
    }
    showNext()
  })
  const lines = createInterface({ input: options.input, terminal: false })
  lines.on('line', (line) => {
    const id = shown
    if (!id) return
    const answer = line.trim().toLowerCase()
    const decision: ApprovalDecision | undefined =
      answer === 'y' || answer === 'yes' ? { decision: 'approve' }
      : answer === 'n' || answer === 'no' ? { decision: 'deny' }
      : answer === 'a' || answer === 'always' ? { decision: 'always-allow', minutes }
      : undefined
    if (!decision) {
      output.write('  answer y, n or a > ')
      return
    }
    output.write(decision.decision === 'deny' ? 'Denied.\n' : 'Approved.\n')
    queue.decide(id, decision)
  })
  showNext()
  return () => {
    unsubscribe()
    lines.close()
  }
}
