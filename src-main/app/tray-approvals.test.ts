import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createApprovalQueue } from '../core/limits/create-approval-queue'
import { connectApprovalsToTray } from './tray-approvals'

describe('tray approvals line', () => {
  it('counts waiting requests, notifies once per new one, opens the window on click, and disappears when none wait', async () => {
    const queue = createApprovalQueue({ timeoutMs: 60_000 })
    let items: MenuItemConstructorOptions[] = []
    const onOpen = vi.fn()
    const notify = vi.fn()
    connectApprovalsToTray({ tray: { setSection: (_name, section) => (items = section) }, queue, onOpen, notify })
    expect(items).toEqual([])

    const request = { clientIp: '127.0.0.1', userAgent: 'claude-cli/2.0', method: 'POST', path: '/v1/messages', model: 'sonnet', estimatedTokens: 10 }
    const first = queue.wait(request, new AbortController().signal)
    void queue.wait(request, new AbortController().signal)
    expect(items.map((item) => item.label)).toEqual(['2 requests waiting for approval…'])
    expect(notify).toHaveBeenCalledTimes(2)
    expect(notify).toHaveBeenLastCalledWith('OmniLLM: a request waits for approval', 'sonnet from claude-cli/2.0')
    ;(items[0]!.click as () => void)()
    expect(onOpen).toHaveBeenCalledTimes(1)

    for (const waiting of queue.pending()) queue.decide(waiting.id, { decision: 'deny' })
    expect(await first).toBe('denied')
    expect(items).toEqual([])
  })
})
