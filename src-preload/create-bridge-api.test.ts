import { describe, expect, it } from 'vitest'
import { contracts } from './contract'
import { createBridgeApi, type BridgeInvoke } from './create-bridge-api'

function recordingInvoke(reply: (channel: string, input: unknown) => unknown) {
  const calls: Array<{ channel: string; input: unknown; argCount: number }> = []
  const invoke: BridgeInvoke = (...args: unknown[]) => {
    const [channel, input] = args as [string, unknown]
    calls.push({ channel, input, argCount: args.length })
    return Promise.resolve(reply(channel, input))
  }
  return { invoke, calls }
}

describe('createBridgeApi', () => {
  it('exposes exactly one function per contract and nothing else', () => {
    const api = createBridgeApi(recordingInvoke(() => undefined).invoke)
    expect(Object.keys(api).sort()).toEqual(Object.keys(contracts).sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('forwards the input to the contract channel and resolves with the envelope unchanged', async () => {
    const envelope = { ok: true, value: { version: '1.2.3' } }
    const { invoke, calls } = recordingInvoke(() => envelope)
    const api = createBridgeApi(invoke)

    await expect(api.getStatus({})).resolves.toBe(envelope)
    expect(calls).toEqual([{ channel: contracts.getStatus.channel, input: {}, argCount: 2 }])
  })

  it('passes error envelopes through as data', async () => {
    const envelope = { ok: false, error: { code: 'internal', message: 'boom' } }
    const api = createBridgeApi(recordingInvoke(() => envelope).invoke)
    await expect(api.getStatus()).resolves.toEqual(envelope)
  })

  it('drops extra arguments so only channel and input cross the boundary', async () => {
    const { invoke, calls } = recordingInvoke(() => ({ ok: true, value: null }))
    const api = createBridgeApi(invoke)
    const loose = api.getStatus as unknown as (...args: unknown[]) => Promise<unknown>
    await loose({}, 'extra', { sender: 'event-like' })
    expect(calls[0]).toEqual({ channel: 'gateway:get-status', input: {}, argCount: 2 })
  })
})
