import { describe, expect, it } from 'vitest'

import { createBridgeApi, type BridgeInvoke } from '../../../src-preload/create-bridge-api'
import { createGatewayClient, selectTransport } from './gateway-client'
import { GatewayClientError } from './gateway-client-error'

const status = {
  version: '0.1.0',
  endpoint: 'http://127.0.0.1:5000',
  host: '127.0.0.1',
  port: 5000,
  startedAt: '2025-01-01T00:00:00.000Z',
  uptimeSeconds: 1,
  secretStore: 'keychain',
  mode: 'desktop',
}

/** The real preload derivation over a fake ipcRenderer.invoke: the Electron boundary. */
function bridgeReplying(reply: (channel: string, input: unknown) => unknown) {
  const calls: Array<[string, unknown]> = []
  const invoke: BridgeInvoke = async (channel, input) => {
    calls.push([channel, input])
    return reply(channel, input)
  }
  return { bridge: createBridgeApi(invoke), calls }
}

const httpEnv = { origin: 'http://127.0.0.1:5000', getApiKey: () => null }

describe('selectTransport', () => {
  it('uses IPC when the preload bridge is present', () => {
    expect(selectTransport({ ...httpEnv, bridge: bridgeReplying(() => null).bridge }).kind).toBe('ipc')
  })

  it('falls back to HTTP without a bridge', () => {
    expect(selectTransport({ ...httpEnv, bridge: undefined }).kind).toBe('http')
  })
})

describe('gateway client over IPC', () => {
  it('sends the validated input on the contract channel and unwraps the value', async () => {
    const { bridge, calls } = bridgeReplying(() => ({ ok: true, value: status }))
    const client = createGatewayClient(selectTransport({ ...httpEnv, bridge }))
    await expect(client.getStatus()).resolves.toEqual(status)
    expect(calls).toEqual([['gateway:get-status', {}]])
  })

  it('throws error envelopes as GatewayClientError', async () => {
    const { bridge } = bridgeReplying(() => ({ ok: false, error: { code: 'internal', message: 'nope' } }))
    const error = await createGatewayClient(selectTransport({ ...httpEnv, bridge }))
      .getStatus()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayClientError)
    expect(error).toMatchObject({ code: 'internal', message: 'nope' })
  })

  it('maps a failing invoke (no handler registered) to `ipc_error`', async () => {
    const { bridge } = bridgeReplying(() => {
      throw new Error("No handler registered for 'gateway:get-status'")
    })
    await expect(createGatewayClient(selectTransport({ ...httpEnv, bridge })).getStatus()).rejects.toMatchObject({ code: 'ipc_error' })
  })

  it('validates what the bridge returns', async () => {
    const { bridge } = bridgeReplying(() => ({ ok: true, value: { version: 1 } }))
    await expect(createGatewayClient(selectTransport({ ...httpEnv, bridge })).getStatus()).rejects.toMatchObject({
      code: 'invalid_response',
    })
  })
})
