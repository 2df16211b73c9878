import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { contracts, type ContractResult, type GatewayStatus } from '../../../src-preload/contract'
import type { AdminService } from '../../core'
import { createAppPageMatcher } from '../app-page'
import { createTrustedSenderCheck, registerIpc, type IpcHandlerRegistry, type IpcInvokeEvent } from './register-ipc'

type Handler = (event: IpcInvokeEvent, input?: unknown) => Promise<ContractResult<unknown>>

const rendererIndexPath = '/opt/OmniLLM/resources/app.asar/out/renderer/index.html'
const rendererUrl = pathToFileURL(rendererIndexPath).href

const status: GatewayStatus = {
  version: '0.1.0',
  endpoint: 'http://127.0.0.1:5000',
  host: '127.0.0.1',
  port: 5000,
  startedAt: '2025-01-01T00:00:00.000Z',
  uptimeSeconds: 3,
  secretStore: 'keychain',
  mode: 'desktop',
}

function fakeIpcMain() {
  const handlers = new Map<string, Handler>()
  const ipcMain: IpcHandlerRegistry = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    removeHandler: (channel) => void handlers.delete(channel),
  }
  return { ipcMain, handlers }
}

function fromFrame(url: string, parent: unknown = null): IpcInvokeEvent {
  return { senderFrame: { url, parent } }
}

const signInState = { flowId: 'f', instanceId: 'i', type: 't', status: 'cancelled' as const, startedAt: '2026-01-01T00:00:00.000Z' }

const baseAdmin: AdminService = {
  getStatus: async () => status,
  getLogLevel: async () => ({ level: 'info' }),
  setLogLevel: async ({ level }) => ({ level }),
  listProviders: async () => [],
  getActiveProvider: async () => ({ id: '' }),
  setActiveProvider: async ({ id }) => ({ id }),
  listApprovals: async () => ({ enabled: false, timeoutSeconds: 0, pending: [] }),
  decideApproval: async () => ({ enabled: false, timeoutSeconds: 0, pending: [] }),
  listModels: async () => [],
  setModelEnabled: async () => [],
  startSignIn: async () => signInState,
  getSignInStatus: async () => signInState,
  cancelSignIn: async () => signInState,
  listSignIns: async () => [],
  getProviderUsage: async () => ({}),
}

function setUp(overrides: Partial<AdminService> = {}) {
  const admin: AdminService = { ...baseAdmin, ...overrides }
  const { ipcMain, handlers } = fakeIpcMain()
  const onRejectedSender = vi.fn()
  const isTrustedSender = createTrustedSenderCheck(createAppPageMatcher({ rendererIndexPath }))
  const unregister = registerIpc({ ipcMain, admin, isTrustedSender, onRejectedSender })
  const invoke = (event: IpcInvokeEvent, input?: unknown) => {
    const handler = handlers.get(contracts.getStatus.channel)
    if (!handler) throw new Error('no handler registered')
    return handler(event, input)
  }
  return { handlers, invoke, onRejectedSender, unregister }
}

describe('registerIpc', () => {
  it('registers one handler per contract channel and removes them again', () => {
    const { handlers, unregister } = setUp()
    expect([...handlers.keys()]).toEqual(Object.values(contracts).map((contract) => contract.channel))
    unregister()
    expect(handlers.size).toBe(0)
  })

  it('answers our own page with the validated value', async () => {
    const { invoke } = setUp()
    await expect(invoke(fromFrame(rendererUrl))).resolves.toEqual({ ok: true, value: status })
    await expect(invoke(fromFrame(`${rendererUrl}#/providers`), {})).resolves.toEqual({ ok: true, value: status })
  })

  it.each([
    ['a web page', fromFrame('https://evil.example/')],
    ['another local file', fromFrame(pathToFileURL('/tmp/evil.html').href)],
    ['an iframe inside our page', fromFrame(rendererUrl, { url: rendererUrl })],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s with forbidden', async (_label, event) => {
    const getStatus = vi.fn(async () => status)
    const { invoke, onRejectedSender } = setUp({ getStatus })
    const result = await invoke(event)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(getStatus).not.toHaveBeenCalled()
    expect(onRejectedSender).toHaveBeenCalledWith('gateway:get-status', event.senderFrame?.url)
  })

  it('rejects input the contract does not accept with invalid_input', async () => {
    const { invoke } = setUp()
    const result = await invoke(fromFrame(rendererUrl), { unexpected: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('turns a service that breaks the output contract into an error envelope, never a throw', async () => {
    const { invoke } = setUp({ getStatus: async () => ({ ...status, port: 'five thousand' }) as unknown as GatewayStatus })
    await expect(invoke(fromFrame(rendererUrl))).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('still answers with an envelope when the sender check itself throws', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    registerIpc({
      ipcMain,
      admin: baseAdmin,
      isTrustedSender: () => {
        throw new Error('frame gone')
      },
    })
    const handler = handlers.get('gateway:get-status')
    await expect(handler?.(fromFrame(rendererUrl))).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})

describe('createTrustedSenderCheck', () => {
  it('trusts the dev server origin only when one is configured', () => {
    const devCheck = createTrustedSenderCheck(createAppPageMatcher({ rendererIndexPath, devServerUrl: 'http://localhost:5173' }))
    expect(devCheck(fromFrame('http://localhost:5173/'))).toBe(true)
    expect(devCheck(fromFrame('http://localhost:5174/'))).toBe(false)
    const productionCheck = createTrustedSenderCheck(createAppPageMatcher({ rendererIndexPath }))
    expect(productionCheck(fromFrame('http://localhost:5173/'))).toBe(false)
  })
})
