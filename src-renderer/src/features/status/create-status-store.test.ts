import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { GatewayStatus } from '../../../../src-preload/contract'
import { GatewayClientError } from '@/lib/gateway-client-error'
import { createStatusStore } from './create-status-store'

const status: GatewayStatus = {
  version: '0.1.0',
  endpoint: 'http://127.0.0.1:5000',
  host: '127.0.0.1',
  port: 5000,
  startedAt: '2025-01-01T00:00:00.000Z',
  uptimeSeconds: 10,
  secretStore: 'keychain',
  mode: 'headless',
}

describe('status store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('starts loading, then holds the status and when it arrived', async () => {
    const store = createStatusStore({ getStatus: async () => status, now: () => 1234 })
    expect(store.getState().phase).toBe('loading')
    await store.getState().refresh()
    expect(store.getState()).toMatchObject({ status, receivedAt: 1234, phase: 'connected', error: null, refreshing: false })
  })

  it('keeps the last status when the gateway goes away, and recovers', async () => {
    let fail = false
    const store = createStatusStore({
      getStatus: async () => {
        if (fail) throw new GatewayClientError('network_error', 'Cannot reach the gateway.')
        return status
      },
    })
    await store.getState().refresh()
    fail = true
    await store.getState().refresh()
    expect(store.getState()).toMatchObject({ status, phase: 'disconnected', error: { code: 'network_error' } })
    fail = false
    await store.getState().refresh()
    expect(store.getState()).toMatchObject({ phase: 'connected', error: null })
  })

  it('shares one in-flight request between overlapping refreshes', async () => {
    let calls = 0
    const store = createStatusStore({ getStatus: async () => (calls++, status) })
    await Promise.all([store.getState().refresh(), store.getState().refresh()])
    expect(calls).toBe(1)
  })

  it('polls until stopped', async () => {
    let calls = 0
    const store = createStatusStore({ getStatus: async () => (calls++, status) })
    const stop = store.getState().startPolling(1000)
    await vi.advanceTimersByTimeAsync(3500)
    expect(calls).toBe(4)
    stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(calls).toBe(4)
  })

  it('forgets a stale 401 when polling restarts after reconnecting', async () => {
    const store = createStatusStore({ getStatus: () => Promise.reject(new GatewayClientError('unauthorized', 'no')) })
    await store.getState().refresh()
    expect(store.getState().error?.code).toBe('unauthorized')
    const stop = store.getState().startPolling(1000)
    expect(store.getState()).toMatchObject({ phase: 'loading', error: null, status: null })
    stop()
  })
})
