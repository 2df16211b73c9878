import { PassThrough } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { createApprovalQueue, type ApprovalRequest } from '../core/limits/create-approval-queue'
import { promptApprovalsInTerminal } from './terminal-approvals'

const request = (userAgent: string): ApprovalRequest => ({ clientIp: '127.0.0.1', userAgent, method: 'POST', path: '/v1/messages', model: 'sonnet', estimatedTokens: 42 })

function terminal() {
  const queue = createApprovalQueue({ timeoutMs: 60_000 })
  const input = new PassThrough()
  let text = ''
  const stop = promptApprovalsInTerminal({ queue, input, output: { write: (chunk: string) => (text += chunk) }, allowMinutes: 5 })
  const type = async (line: string) => {
    input.write(`${line}\n`)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { queue, type, output: () => text, stop }
}

describe('terminal approvals (omnillm start --manual)', () => {
  test('shows the oldest request, reads y / n / a, and moves on to the next', async () => {
    const { queue, type, output, stop } = terminal()
    const first = queue.wait(request('claude-cli/2.0'), new AbortController().signal)
    const second = queue.wait(request('curl/8'), new AbortController().signal)
    expect(output()).toContain('Approve POST /v1/messages sonnet, ~42 tokens from 127.0.0.1 (claude-cli/2.0)?')
    await type('maybe')
    expect(output()).toContain('answer y, n or a')
    await type('y')
    expect(await first).toBe('approved')
    expect(output()).toContain('(curl/8)?')
    await type('n')
    expect(await second).toBe('denied')

    const third = queue.wait(request('opencode/1'), new AbortController().signal)
    await type('a')
    expect(await third).toBe('approved')
    expect(await queue.wait(request('opencode/1'), new AbortController().signal)).toBe('allowed-client')
    stop()
  })

  test('a request decided elsewhere or abandoned is announced, and an answer then goes to the next one', async () => {
    const { queue, type, output, stop } = terminal()
    const client = new AbortController()
    const gone = queue.wait(request('left/1'), client.signal)
    const next = queue.wait(request('stays/1'), new AbortController().signal)
    client.abort()
    expect(await gone).toBe('cancelled')
    expect(output()).toContain('The client left.')
    expect(output()).toContain('(stays/1)?')
    await type('y')
    expect(await next).toBe('approved')
    stop()
  })
})
