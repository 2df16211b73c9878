import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { Hono } from 'hono'
import { StartupError } from '../errors/startup-error'
import { memoryReducingCollection, releaseMemoryWhenIdle, type MemoryRelease } from './release-memory-when-idle'

export interface ListeningServer {
  host: string
  port: number
  url: string
  /** Stops accepting, waits for in-flight requests up to `drainMs`, then closes what is left. */
  close(drainMs: number): Promise<void>
}

export interface ListenOptions {
  /** Seconds without a request in flight before the heap is shrunk back (release-memory-when-idle.ts); 0 = never. */
  idleMemoryReleaseSeconds?: number
  onMemoryReleased?: (release: MemoryRelease) => void
}

/** Binds the app; a port in use becomes one clear StartupError line. */
export async function listen(app: { fetch: Hono['fetch'] }, host: string, port: number, options: ListenOptions = {}): Promise<ListeningServer> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  // Streams to slow reasoning models can be silent for minutes; never cut a request for taking long.
  server.requestTimeout = 0
  server.headersTimeout = 60_000
  server.keepAliveTimeout = 5_000

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      if (error.code === 'EADDRINUSE') reject(new StartupError(`Port ${port} is already in use on ${host}; stop the other process or choose another port with --port.`))
      else if (error.code === 'EACCES') reject(new StartupError(`Not allowed to listen on ${host}:${port}; choose a port above 1023 with --port.`))
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new StartupError(`Cannot listen on ${host}: no such local address (--host).`))
      else reject(new StartupError(`Cannot listen on ${host}:${port}: ${error.message}`, { cause: error }))
    }
    const onListening = () => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })

  const collect = options.idleMemoryReleaseSeconds ? memoryReducingCollection() : null
  const idleRelease = collect && releaseMemoryWhenIdle(server, { idleMs: options.idleMemoryReleaseSeconds! * 1000, collect, onRelease: options.onMemoryReleased })

  const address = server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  let closing: Promise<void> | undefined

  return {
    host: address.address,
    port: address.port,
    url: `http://${urlHost}:${address.port}`,
    close(drainMs) {
      closing ??= new Promise<void>((resolve) => {
        idleRelease?.stop()
        const forceTimer = setTimeout(() => server.closeAllConnections(), drainMs)
        // Keep-alive connections turn idle as their last response ends; close each as soon as it does.
        const idleTimer = setInterval(() => server.closeIdleConnections(), 50)
        server.close(() => {
          clearTimeout(forceTimer)
          clearInterval(idleTimer)
          resolve()
        })
        server.closeIdleConnections()
      })
      return closing
    },
  }
}
