import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { contracts, type ContractName } from '../../../../src-preload/contract'
import type { AdminService } from '../../admin/admin-service'
import { invokeAdmin } from '../../admin/invoke-admin'

/** The one route that streams to an EventSource; it accepts `?api_key=` since EventSource cannot set headers. */
export const ADMIN_EVENTS_PATH = '/api/admin/events'

export interface AdminHttpOptions {
  admin: AdminService
  /** How often the event stream pushes a fresh status (ms). */
  statusIntervalMs?: number
  onInternalError?: (error: unknown) => void
  /** Other pushes for the stream: called once per connected client with a `send`; returns the unsubscribe. */
  events?: (send: (event: string, data: unknown) => void) => () => void
}

/**
 * The HTTP transport of the admin contract, for headless mode and the browser: one
 * `POST /api/admin/<channel>` per contract, the JSON body is the input, the answer is the same
 * `{ ok, value } | { ok: false, error }` envelope the IPC transport returns.
 */
export function adminHttpRoutes(options: AdminHttpOptions): Hono {
  const routes = new Hono()
  for (const name of Object.keys(contracts) as ContractName[]) {
    routes.post(`/api/admin/${contracts[name].channel}`, async (c) => {
      const text = await c.req.text()
      let input: unknown = undefined
      if (text.trim() !== '') {
        try {
          input = JSON.parse(text)
        } catch (error) {
          return c.json({ ok: false, error: { code: 'invalid_json', message: `Malformed JSON body: ${(error as Error).message}` } }, 400)
        }
      }
      const result = await invokeAdmin(options.admin, name, input, options.onInternalError)
      return c.json(result, result.ok || result.error.code !== 'invalid_input' ? 200 : 400)
    })
  }

  routes.get(ADMIN_EVENTS_PATH, (c) =>
    streamSSE(c, async (stream) => {
      const interval = options.statusIntervalMs ?? 5000
      let running = true
      // Pushes arrive between status frames; writes are chained so frames never interleave.
      let writing = Promise.resolve()
      const unsubscribe = options.events?.((event, data) => {
        writing = writing.then(() => stream.writeSSE({ event, data: JSON.stringify(data) })).catch(() => undefined)
      })
      stream.onAbort(() => {
        running = false
        unsubscribe?.()
      })
      while (running) {
        const status = await invokeAdmin(options.admin, 'getStatus', {}, options.onInternalError)
        writing = writing.then(() => stream.writeSSE({ event: 'status', data: JSON.stringify(status) }))
        await writing
        await stream.sleep(interval)
      }
    }),
  )
  return routes
}
