import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { claimSingleInstance, installGracefulQuit, keepRunningWithoutWindows, type PreventableEvent } from './app-lifecycle'

class FakeApp extends EventEmitter {
  locked = true
  quit = vi.fn(() => {
    // Like Electron: quitting emits before-quit, and quits only if nobody prevented it.
    const event = preventable()
    this.emit('before-quit', event)
    if (!event.defaultPrevented) this.quitted = true
  })
  quitted = false
  requestSingleInstanceLock = () => this.locked
}

function preventable(): PreventableEvent & { defaultPrevented: boolean } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

describe('claimSingleInstance', () => {
  it('lets the first instance run and tells it about later launches', () => {
    const app = new FakeApp()
    const onSecondInstance = vi.fn()
    expect(claimSingleInstance(app, onSecondInstance)).toBe(true)
    app.emit('second-instance', preventable(), ['omnillm'], '/')
    expect(onSecondInstance).toHaveBeenCalledOnce()
    expect(app.quitted).toBe(false)
  })

  it('quits a second instance at once', () => {
    const app = new FakeApp()
    app.locked = false
    expect(claimSingleInstance(app, vi.fn())).toBe(false)
    expect(app.quitted).toBe(true)
  })
})

describe('keepRunningWithoutWindows', () => {
  it('listens to window-all-closed so Electron does not quit', () => {
    const app = new FakeApp()
    keepRunningWithoutWindows(app)
    expect(app.listenerCount('window-all-closed')).toBe(1)
  })
})

describe('installGracefulQuit', () => {
  it('holds the quit until the gateway has stopped, stops it once, then quits', async () => {
    const app = new FakeApp()
    const stopped = deferred()
    const stop = vi.fn(() => stopped.promise)
    const quitState = installGracefulQuit(app, { stop })
    expect(quitState.isQuitting()).toBe(false)

    app.quit()
    app.quit()
    expect(app.quitted).toBe(false)
    expect(quitState.isQuitting()).toBe(true)
    expect(stop).toHaveBeenCalledOnce()

    stopped.resolve()
    await vi.waitFor(() => expect(app.quitted).toBe(true))
    expect(stop).toHaveBeenCalledOnce()
  })

  it('quits even when stopping fails, and reports the failure', async () => {
    const app = new FakeApp()
    const onStopError = vi.fn()
    installGracefulQuit(app, { stop: () => Promise.reject(new Error('port stuck')), onStopError })
    app.quit()
    await vi.waitFor(() => expect(app.quitted).toBe(true))
    expect(onStopError).toHaveBeenCalledWith(expect.objectContaining({ message: 'port stuck' }))
  })

  it('gives up waiting after the timeout', async () => {
    const app = new FakeApp()
    const onStopError = vi.fn()
    installGracefulQuit(app, { stop: () => new Promise(() => {}), onStopError, timeoutMs: 20 })
    app.quit()
    await vi.waitFor(() => expect(app.quitted).toBe(true))
    expect(onStopError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('20 ms') }))
  })
})
