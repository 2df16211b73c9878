import { describe, expect, it, vi } from 'vitest'

import type { CatalogueModel } from '../../../../src-preload/contract'
import { GatewayClientError } from '@/lib/gateway-client-error'
import { createModelsStore, modelKey } from './create-models-store'

const model = (instanceId: string, id: string, enabled = true): CatalogueModel => ({ instanceId, id, enabled, version: null, ownedBy: null, contextWindow: null })

function fakeGateway() {
  const off = new Set<string>()
  let listed = [model('up', 'gpt-4o'), model('up', 'gpt-4o-mini')]
  const list = () => listed.map((entry) => ({ ...entry, enabled: !off.has(modelKey(entry)) }))
  return {
    addLiveModel: (entry: CatalogueModel) => void (listed = [...listed, entry]),
    listModels: vi.fn(async (_input: { refresh?: boolean }) => list()),
    setModelEnabled: vi.fn(async ({ instanceId, model: id, enabled }: { instanceId: string; model: string; enabled: boolean }) => {
      if (!listed.some((entry) => entry.instanceId === instanceId && entry.id === id)) throw new GatewayClientError('unknown_model', `Provider "${instanceId}" lists no model "${id}".`)
      if (enabled) off.delete(`${instanceId}:${id}`)
      else off.add(`${instanceId}:${id}`)
      return list()
    }),
  }
}

describe('models store', () => {
  it('loads the catalogue', async () => {
    const deps = fakeGateway()
    const store = createModelsStore(deps)
    await store.getState().load()
    expect(deps.listModels).toHaveBeenCalledWith({})
    expect(store.getState()).toMatchObject({ loading: false, error: null })
    expect(store.getState().models?.map(modelKey)).toEqual(['up:gpt-4o', 'up:gpt-4o-mini'])
  })

  it('a toggle moves at once and takes the gateway answer', async () => {
    const deps = fakeGateway()
    const store = createModelsStore(deps)
    await store.getState().load()
    const toggling = store.getState().setEnabled({ instanceId: 'up', id: 'gpt-4o-mini' }, false)
    expect(store.getState().toggling).toEqual(['up:gpt-4o-mini'])
    expect(store.getState().models?.find((entry) => entry.id === 'gpt-4o-mini')?.enabled).toBe(false)
    await toggling
    expect(deps.setModelEnabled).toHaveBeenCalledWith({ instanceId: 'up', model: 'gpt-4o-mini', enabled: false })
    expect(store.getState()).toMatchObject({ toggling: [], toggleError: null })
    expect(store.getState().models?.map((entry) => entry.enabled)).toEqual([true, false])

    await store.getState().setEnabled({ instanceId: 'up', id: 'gpt-4o-mini' }, true)
    expect(store.getState().models?.map((entry) => entry.enabled)).toEqual([true, true])
  })

  it('a refused toggle is put back and reported', async () => {
    const deps = fakeGateway()
    const store = createModelsStore(deps)
    await store.getState().load()
    deps.setModelEnabled.mockRejectedValueOnce(new GatewayClientError('network_error', 'Cannot reach the gateway.'))
    await store.getState().setEnabled({ instanceId: 'up', id: 'gpt-4o' }, false)
    expect(store.getState()).toMatchObject({ toggling: [], toggleError: { key: 'up:gpt-4o', code: 'network_error' } })
    expect(store.getState().models?.find((entry) => entry.id === 'gpt-4o')?.enabled).toBe(true)
  })

  it('Refresh asks the instances again', async () => {
    const deps = fakeGateway()
    const store = createModelsStore(deps)
    await store.getState().load()
    deps.addLiveModel(model('cop', 'gpt-4.1'))
    const refreshing = store.getState().refresh()
    expect(store.getState().refreshing).toBe(true)
    await refreshing
    expect(deps.listModels).toHaveBeenLastCalledWith({ refresh: true })
    expect(store.getState().refreshing).toBe(false)
    expect(store.getState().models?.map(modelKey)).toContain('cop:gpt-4.1')
  })

  it('a failed listing keeps the last list and says why; the next one clears it', async () => {
    const deps = fakeGateway()
    const store = createModelsStore(deps)
    await store.getState().load()
    deps.listModels.mockRejectedValueOnce(new GatewayClientError('unauthorized', 'The API key was rejected.'))
    await store.getState().refresh()
    expect(store.getState()).toMatchObject({ refreshing: false, error: { code: 'unauthorized' } })
    expect(store.getState().models).toHaveLength(2)
    await store.getState().load()
    expect(store.getState().error).toBeNull()
  })

  it('an older listing that answers last does not overwrite a newer one', async () => {
    const deps = fakeGateway()
    const store = createModelsStore(deps)
    let slow: (value: CatalogueModel[]) => void = () => undefined
    deps.listModels.mockImplementationOnce(() => new Promise((resolve) => (slow = resolve)))
    const first = store.getState().load()
    await store.getState().refresh()
    slow([model('stale', 'old')])
    await first
    expect(store.getState().models?.map(modelKey)).toEqual(['up:gpt-4o', 'up:gpt-4o-mini'])
  })

  it('holds the filter', () => {
    const store = createModelsStore(fakeGateway())
    store.getState().setFilter('mini')
    expect(store.getState().filter).toBe('mini')
  })
})
