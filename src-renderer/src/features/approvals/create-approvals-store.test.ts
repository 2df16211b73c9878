import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GatewayClientError } from '@/lib/gateway-client-error'
import { APPROVALS_POLL_INTERVAL_MS, createApprovalsStore } from './create-approvals-store'

const waiting = { id: 'a1', receivedAt: '', expiresAt: '', clientIp: '127.0.0.1', userAgent: 'curl/8', method: 'POST', path: '/v1/messages', model: 'sonnet', estimatedTokens: 3 }

describe('approvals store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('polls while manual approval is on and stops asking when it is off', async () => {
    const listApprovals = vi.fn(async () => ({ enabled: false, timeoutSeconds: 0, pending: [] }))
    const store = createApprovalsStore({ listApprovals, decideApproval: vi.fn() })
    const stop = store.getState().startPolling()
    await vi.advanceTimersByTimeAsync(APPROVALS_POLL_INTERVAL_MS * 3)
    expect(listApprovals).toHaveBeenCalledTimes(1)
    stop()

    const on = vi.fn(async () => ({ enabled: true, timeoutSeconds: 300, pending: [waiting] }))
    const polling = createApprovalsStore({ listApprovals: on, decideApproval: vi.fn() })
    const stopPolling = polling.getState().startPolling()
    await vi.advanceTimersByTimeAsync(APPROVALS_POLL_INTERVAL_MS * 3)
    expect(on).toHaveBeenCalledTimes(4)
    expect(polling.getState().approvals?.pending).toEqual([waiting])
    stopPolling()
    await vi.advanceTimersByTimeAsync(APPROVALS_POLL_INTERVAL_MS * 3)
    expect(on).toHaveBeenCalledTimes(4)
  })

  it('a decision on a request that is gone shows the error and the fresh list', async () => {
    const store = createApprovalsStore({
      listApprovals: async () => ({ enabled: true, timeoutSeconds: 300, pending: [] }),
      decideApproval: async () => {
        throw new GatewayClientError('unknown_approval', 'No request a1 is waiting for approval.')
      },
    })
    await store.getState().decide({ id: 'a1', decision: 'approve' })
    expect(store.getState()).toMatchObject({ error: { code: 'unknown_approval' }, deciding: [], approvals: { pending: [] } })
  })
})
