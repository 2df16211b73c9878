import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { SignInFlowStateDto } from '../../../../src-preload/contract'
import { GatewayClientError } from '@/lib/gateway-client-error'
import { createSignInStore, SIGN_IN_POLL_INTERVAL_MS } from './create-sign-in-store'

const deviceCode = { step: 'device-code', verificationUri: 'https://github.com/login/device', userCode: 'ABCD-1234', expiresAt: '2030-01-01T00:00:00.000Z', intervalSeconds: 5 } as const
const flow = (status: SignInFlowStateDto['status'], extra: Partial<SignInFlowStateDto> = {}): SignInFlowStateDto => ({
  flowId: 'f1',
  instanceId: 'cop',
  type: 'github-copilot',
  status,
  startedAt: '2030-01-01T00:00:00.000Z',
  ...(status === 'pending' ? { progress: deviceCode } : {}),
  ...extra,
})

/** A fake gateway whose flow answers `pending` until `finish` is called. */
function fakeGateway() {
  let current = flow('pending')
  const deps = {
    startSignIn: vi.fn(async () => current),
    getSignInStatus: vi.fn(async () => current),
    cancelSignIn: vi.fn(async () => (current.status === 'pending' ? (current = flow('cancelled')) : current)),
  }
  return { deps, finish: (next: SignInFlowStateDto) => void (current = next) }
}

describe('sign-in store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('opens with the device code and polls every second until the flow succeeds, then stops', async () => {
    const { deps, finish } = fakeGateway()
    const store = createSignInStore(deps)
    await store.getState().open('cop')
    expect(deps.startSignIn).toHaveBeenCalledWith({ instanceId: 'cop' })
    expect(store.getState()).toMatchObject({ instanceId: 'cop', starting: false, flow: { status: 'pending', progress: { userCode: 'ABCD-1234' } } })

    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS * 3)
    expect(deps.getSignInStatus).toHaveBeenCalledTimes(3)
    expect(deps.getSignInStatus).toHaveBeenCalledWith({ flowId: 'f1' })

    finish(flow('succeeded', { account: 'octocat' }))
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS)
    expect(store.getState().flow).toMatchObject({ status: 'succeeded', account: 'octocat' })
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS * 5)
    expect(deps.getSignInStatus).toHaveBeenCalledTimes(4)

    // Closing a finished flow cancels nothing.
    store.getState().close()
    expect(deps.cancelSignIn).not.toHaveBeenCalled()
    expect(store.getState()).toMatchObject({ instanceId: null, flow: null })
  })

  it('stops polling when the flow fails, and shows why', async () => {
    const { deps, finish } = fakeGateway()
    const store = createSignInStore(deps)
    await store.getState().open('cop')
    finish(flow('failed', { message: 'The device code expired.' }))
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS * 4)
    expect(deps.getSignInStatus).toHaveBeenCalledTimes(1)
    expect(store.getState().flow).toMatchObject({ status: 'failed', message: 'The device code expired.' })
  })

  it('closing while pending cancels the flow and stops polling', async () => {
    const { deps } = fakeGateway()
    const store = createSignInStore(deps)
    await store.getState().open('cop')
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS)
    store.getState().close()
    expect(deps.cancelSignIn).toHaveBeenCalledWith({ flowId: 'f1' })
    expect(store.getState()).toMatchObject({ instanceId: null, flow: null })
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS * 5)
    expect(deps.getSignInStatus).toHaveBeenCalledTimes(1)
  })

  it('closing before signIn:start answers cancels the flow it then reports', async () => {
    const { deps } = fakeGateway()
    let answer: (value: SignInFlowStateDto) => void = () => undefined
    deps.startSignIn.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
    const store = createSignInStore(deps)
    const opening = store.getState().open('cop')
    expect(store.getState()).toMatchObject({ instanceId: 'cop', starting: true })
    store.getState().close()
    answer(flow('pending'))
    await opening
    expect(deps.cancelSignIn).toHaveBeenCalledWith({ flowId: 'f1' })
    expect(store.getState()).toMatchObject({ instanceId: null, flow: null, starting: false })
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS * 3)
    expect(deps.getSignInStatus).not.toHaveBeenCalled()
  })

  it('Cancel ends the flow, keeps the dialog open and stops polling; a poll on the wire cannot undo it', async () => {
    const { deps } = fakeGateway()
    const store = createSignInStore(deps)
    await store.getState().open('cop')
    let late: (value: SignInFlowStateDto) => void = () => undefined
    deps.getSignInStatus.mockImplementationOnce(() => new Promise((resolve) => (late = resolve)))
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS)
    await store.getState().cancel()
    late(flow('pending'))
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS * 3)
    expect(store.getState()).toMatchObject({ instanceId: 'cop', cancelling: false, flow: { status: 'cancelled' } })
    expect(deps.getSignInStatus).toHaveBeenCalledTimes(1)
    store.getState().close()
    expect(deps.cancelSignIn).toHaveBeenCalledTimes(1)
  })

  it('a rejected start shows the error and does not poll', async () => {
    const { deps } = fakeGateway()
    deps.startSignIn.mockRejectedValueOnce(new GatewayClientError('sign_in_unsupported', 'Provider "plain" has no interactive sign-in.'))
    const store = createSignInStore(deps)
    await store.getState().open('plain')
    expect(store.getState()).toMatchObject({ instanceId: 'plain', starting: false, flow: null, error: { code: 'sign_in_unsupported' } })
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS * 3)
    expect(deps.getSignInStatus).not.toHaveBeenCalled()
  })

  it('keeps polling through a network blip, stops on an unknown flow', async () => {
    const { deps } = fakeGateway()
    deps.getSignInStatus.mockRejectedValueOnce(new GatewayClientError('network_error', 'Cannot reach the gateway.'))
    const store = createSignInStore(deps)
    await store.getState().open('cop')
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS)
    expect(store.getState().error?.code).toBe('network_error')
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS)
    expect(store.getState().error).toBeNull()

    deps.getSignInStatus.mockRejectedValueOnce(new GatewayClientError('unknown_sign_in', 'No sign-in with the id "f1".'))
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS)
    expect(store.getState().error?.code).toBe('unknown_sign_in')
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLL_INTERVAL_MS * 3)
    expect(deps.getSignInStatus).toHaveBeenCalledTimes(3)
  })

  it('opening for another instance cancels the pending flow of the first', async () => {
    const { deps } = fakeGateway()
    const store = createSignInStore(deps)
    await store.getState().open('cop')
    deps.startSignIn.mockResolvedValueOnce(flow('pending', { flowId: 'f2', instanceId: 'cop2' }))
    await store.getState().open('cop2')
    expect(deps.cancelSignIn).toHaveBeenCalledWith({ flowId: 'f1' })
    expect(store.getState()).toMatchObject({ instanceId: 'cop2', flow: { flowId: 'f2' } })
  })
})
