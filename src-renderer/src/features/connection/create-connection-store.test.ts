import { describe, expect, it } from 'vitest'

import { API_KEY_STORAGE_KEY } from '@/lib/api-key-storage'
import { memoryStorage } from '@/test-support/memory-storage'
import { GatewayClientError } from '@/lib/gateway-client-error'
import { createConnectionStore } from './create-connection-store'

const accept = async () => {}
const reject = async () => {
  throw new GatewayClientError('unauthorized', 'Invalid API key.')
}

describe('connection store', () => {
  it('asks for a key when none is stored, and starts connected when one is', () => {
    expect(createConnectionStore({ storage: memoryStorage(), verifyKey: accept }).getState().phase).toBe('needs-key')
    const storage = memoryStorage()
    storage.setItem(API_KEY_STORAGE_KEY, 'sk-1')
    expect(createConnectionStore({ storage, verifyKey: accept }).getState()).toMatchObject({ apiKey: 'sk-1', phase: 'connected' })
  })

  it('stores a key only after the gateway accepts it', async () => {
    const storage = memoryStorage()
    const verified: string[] = []
    const store = createConnectionStore({ storage, verifyKey: async (key) => void verified.push(key) })
    await store.getState().connect('  sk-2  ')
    expect(verified).toEqual(['sk-2'])
    expect(store.getState()).toMatchObject({ apiKey: 'sk-2', phase: 'connected', notice: null })
    expect(storage.getItem(API_KEY_STORAGE_KEY)).toBe('sk-2')
  })

  it('keeps asking when the key is rejected', async () => {
    const storage = memoryStorage()
    const store = createConnectionStore({ storage, verifyKey: reject })
    await store.getState().connect('bad')
    expect(store.getState()).toMatchObject({ apiKey: null, phase: 'needs-key', notice: 'The gateway rejected that API key.' })
    expect(storage.getItem(API_KEY_STORAGE_KEY)).toBeNull()
  })

  it('reports other failures with their message', async () => {
    const store = createConnectionStore({
      storage: memoryStorage(),
      verifyKey: async () => {
        throw new GatewayClientError('network_error', 'Cannot reach the gateway. Is it running?')
      },
    })
    await store.getState().connect('sk')
    expect(store.getState().notice).toBe('Cannot reach the gateway. Is it running?')
  })

  it('ignores an empty key', async () => {
    let calls = 0
    const store = createConnectionStore({ storage: memoryStorage(), verifyKey: async () => void calls++ })
    await store.getState().connect('   ')
    expect(calls).toBe(0)
    expect(store.getState().phase).toBe('needs-key')
  })

  it('clears the stored key on a 401 and on disconnect', async () => {
    const storage = memoryStorage()
    const store = createConnectionStore({ storage, verifyKey: accept })
    await store.getState().connect('sk-3')
    store.getState().keyRejected()
    expect(store.getState()).toMatchObject({ apiKey: null, phase: 'needs-key' })
    expect(store.getState().notice).toMatch(/no longer accepts/)
    expect(storage.getItem(API_KEY_STORAGE_KEY)).toBeNull()

    await store.getState().connect('sk-4')
    store.getState().disconnect()
    expect(store.getState()).toMatchObject({ apiKey: null, phase: 'needs-key', notice: null })
    expect(storage.getItem(API_KEY_STORAGE_KEY)).toBeNull()
  })
})
