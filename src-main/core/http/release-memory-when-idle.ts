import type { Server } from 'node:http'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export interface MemoryRelease {
  rssBeforeBytes: number
  rssAfterBytes: number
  durationMs: number
}

export interface IdleMemoryReleaseOptions {
  /** Collect once no request has been in flight for this long. */
  idleMs: number
  /** The collection itself: memoryReducingCollection() in the gateway; tests count calls instead. */
  collect: () => void
  onRelease?: (release: MemoryRelease) => void
}

/**
 * V8 keeps the heap it grew under load: after a burst of requests the gateway would hold hundreds of MB
 * for as long as it runs (measured: 350–460 MB, for days in a tray), and the young generation it grew during
 * start-up (32 MB) from the first minute. Its own memory reducer does not step in for a process that
 * simply waits on sockets. So when the server has been quiet for `idleMs` (nothing in flight since the
 * last response ended, or since start-up), this runs one memory-reducing collection, which shrinks the
 * heap back to what is live and returns the rest to the OS.
 *
 * The collection blocks the event loop for tens of milliseconds (40–140 ms measured after a c=64 burst);
 * a request that arrives in that moment waits for it. It never runs while a request or a stream is open.
 */
export function releaseMemoryWhenIdle(server: Server, options: IdleMemoryReleaseOptions): { stop(): void } {
  const now = () => performance.now()
  let stopped = false
  let inFlight = 0
  let lastActivity = now()
  // A timer is armed only by activity (a response that ends, or the start-up, which leaves garbage and a
  // grown young generation behind), so a quiet gateway collects once and then sleeps.
  let timer: NodeJS.Timeout | undefined

  const check = () => {
    timer = undefined
    if (inFlight > 0) return // the last response to end arms it again
    const quietFor = now() - lastActivity
    if (quietFor < options.idleMs) return arm(options.idleMs - quietFor)
    const rssBeforeBytes = process.memoryUsage.rss()
    const startedAt = now()
    options.collect()
    options.onRelease?.({ rssBeforeBytes, rssAfterBytes: process.memoryUsage.rss(), durationMs: now() - startedAt })
  }
  const arm = (ms: number) => {
    timer = setTimeout(check, ms)
    timer.unref()
  }
  const onRequest = (_request: unknown, response: NodeJS.EventEmitter) => {
    inFlight++
    response.once('close', onResponseClose)
  }
  // One timer at a time: a check that finds recent activity re-arms itself for the rest of the quiet spell.
  const onResponseClose = () => {
    if (stopped) return // a response still open at stop() ends during the server's close
    inFlight--
    lastActivity = now()
    if (inFlight === 0 && timer === undefined) arm(options.idleMs)
  }

  server.on('request', onRequest)
  arm(options.idleMs)
  return {
    stop() {
      stopped = true
      server.off('request', onRequest)
      clearTimeout(timer)
      timer = undefined
    },
  }
}

let collector: (() => void) | null | undefined

/**
 * One full collection that also shrinks the young generation and gives freed pages back (V8's
 * "last resort" flavour, the one it runs itself under memory pressure). Reached through V8's gc
 * extension, switched on here at run time; `null` where the runtime does not offer it.
 */
export function memoryReducingCollection(): (() => void) | null {
  if (collector !== undefined) return collector
  try {
    setFlagsFromString('--expose-gc')
    // The extension is installed in contexts made after the flag is set, so take `gc` from a new one.
    const gc = runInNewContext('gc') as unknown
    collector = typeof gc === 'function' ? () => (gc as (options: object) => void)({ type: 'major', execution: 'sync', flavor: 'last-resort' }) : null
  } catch {
    collector = null
  }
  return collector
}
