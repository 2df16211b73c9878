/** The slice of Electron's `app` the lifecycle needs; the real `app` fits, tests pass an EventEmitter. */
export interface LifecycleApp {
  requestSingleInstanceLock(): boolean
  on(event: string, listener: (event: PreventableEvent) => void): unknown
  quit(): void
}

export interface PreventableEvent {
  preventDefault(): void
}

/**
 * Takes the single-instance lock. The first instance gets `onSecondInstance` each time the user launches
 * OmniLLM again (focus its window); a second instance quits at once. Returns whether we are the first.
 */
export function claimSingleInstance(app: LifecycleApp, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', () => onSecondInstance())
  return true
}

/** A tray app keeps running with no window open: listening to the event cancels Electron's default quit. */
export function keepRunningWithoutWindows(app: Pick<LifecycleApp, 'on'>): void {
  app.on('window-all-closed', () => {})
}

export interface GracefulQuitOptions {
  /** Stops the gateway: drains in-flight requests, closes the store. */
  stop: () => Promise<void>
  onStopError?: (error: unknown) => void
  /** Quit anyway if stopping takes longer than this. */
  timeoutMs?: number
}

export interface QuitState {
  /** True from the first quit request on; window close handlers let the window go instead of hiding it. */
  isQuitting(): boolean
}

/**
 * Holds the first `before-quit` until `stop()` settles (or times out), then quits for real. Later quit
 * requests while stopping are swallowed, so `stop()` runs exactly once.
 */
export function installGracefulQuit(app: Pick<LifecycleApp, 'on' | 'quit'>, options: GracefulQuitOptions): QuitState {
  let state: 'running' | 'stopping' | 'stopped' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'stopped') return
    event.preventDefault()
    if (state === 'stopping') return
    state = 'stopping'
    void settleWithin(options.stop, options.timeoutMs ?? 10_000)
      .catch((error: unknown) => options.onStopError?.(error))
      .finally(() => {
        state = 'stopped'
        app.quit()
      })
  })
  return { isQuitting: () => state !== 'running' }
}

async function settleWithin(work: () => Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Stopping the gateway took longer than ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([work(), timeout])
  } finally {
    clearTimeout(timer)
  }
}
