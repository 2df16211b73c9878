import { describe, expect, it, vi } from 'vitest'

import type { ProviderSummary } from '../../../../src-preload/contract'
import { GatewayClientError } from '@/lib/gateway-client-error'
import { createProvidersStore } from './create-providers-store'

const provider = (id: string, extra: Partial<ProviderSummary> = {}): ProviderSummary => ({ id, type: 'openai-compatible', enabled: true, active: false, signIn: false, usage: false, ...extra })

function fakeGateway() {
  let active = 'a'
  const list = () => [provider('a', { active: active === 'a' }), provider('b', { active: active === 'b' }), provider('off', { enabled: false })]
  return {
    listProviders: vi.fn(async () => list()),
    setActiveProvider: vi.fn(async ({ id }: { id: string }) => {
      if (id === 'off') throw new GatewayClientError('unknown_provider', 'No enabled provider instance has the id "off".')
      active = id
      return { id }
    }),
    getProviderUsage: vi.fn(async ({ id }: { id: string }): Promise<Record<string, unknown>> => {
      if (id !== 'a') throw new GatewayClientError('usage_unsupported', `Provider "${id}" has no usage report.`)
      return { quota_snapshots: { chat: { unlimited: true } } }
    }),
  }
}

describe('providers store', () => {
  it('lists the instances', async () => {
    const deps = fakeGateway()
    const store = createProvidersStore(deps)
    expect(store.getState().providers).toBeNull()
    await store.getState().load()
    expect(store.getState().providers?.map((entry) => [entry.id, entry.active])).toEqual([['a', true], ['b', false], ['off', false]])
  })

  it('Make active switches the active flag and reloads', async () => {
    const deps = fakeGateway()
    const store = createProvidersStore(deps)
    await store.getState().load()
    await store.getState().makeActive('b')
    expect(deps.setActiveProvider).toHaveBeenCalledWith({ id: 'b' })
    expect(store.getState()).toMatchObject({ activating: null, activateError: null })
    expect(store.getState().providers?.filter((entry) => entry.active).map((entry) => entry.id)).toEqual(['b'])
    expect(deps.listProviders).toHaveBeenCalledTimes(2)
  })

  it('a refused Make active is reported on its row and leaves the active one alone', async () => {
    const deps = fakeGateway()
    const store = createProvidersStore(deps)
    await store.getState().load()
    await store.getState().makeActive('off')
    expect(store.getState()).toMatchObject({ activating: null, activateError: { id: 'off', code: 'unknown_provider' } })
    expect(store.getState().providers?.find((entry) => entry.active)?.id).toBe('a')
  })

  it('a failed listing keeps the last list and says why', async () => {
    const deps = fakeGateway()
    const store = createProvidersStore(deps)
    await store.getState().load()
    deps.listProviders.mockRejectedValueOnce(new GatewayClientError('network_error', 'Cannot reach the gateway.'))
    await store.getState().load()
    expect(store.getState()).toMatchObject({ loading: false, error: { code: 'network_error' } })
    expect(store.getState().providers).toHaveLength(3)
  })

  it('shows and hides usage; a type without usage is an error entry', async () => {
    const deps = fakeGateway()
    const store = createProvidersStore(deps)
    const showing = store.getState().showUsage('a')
    expect(store.getState().usage.a).toEqual({ status: 'loading' })
    await showing
    expect(store.getState().usage.a).toEqual({ status: 'ready', report: { quota_snapshots: { chat: { unlimited: true } } } })
    await store.getState().showUsage('b')
    expect(store.getState().usage.b).toMatchObject({ status: 'error', error: { code: 'usage_unsupported' } })
    store.getState().hideUsage('a')
    expect(store.getState().usage).not.toHaveProperty('a')
  })

  it('usage hidden while it loads stays hidden', async () => {
    const deps = fakeGateway()
    const store = createProvidersStore(deps)
    const showing = store.getState().showUsage('a')
    store.getState().hideUsage('a')
    await showing
    expect(store.getState().usage).toEqual({})
  })
})
