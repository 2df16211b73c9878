import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LoopbackListener {
  /** `http://127.0.0.1:<port>`, without a path. */
  origin: string
  /** Drops the open connections (a stream under way included) and resolves once the server has stopped. */
  close(): Promise<void>
}

/** Starts a mock upstream's server on 127.0.0.1 at a free port. */
export async function listenOnLoopback(server: Server): Promise<LoopbackListener> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
