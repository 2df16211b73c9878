// The floor of the product's own stack (--hono-floor): what one hop through hono on @hono/node-server costs
// before any gateway work. The least a routing gateway can do: read the body, JSON.parse it (to see the
// model), JSON.stringify it again and send it upstream with undici; the answer goes back as text, or as the
// upstream's byte stream for SSE. No auth, no validation, no log. Run as a child process by run.mjs.
import { Readable } from 'node:stream'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { Agent } from 'undici'

const upstream = new URL(process.argv[2])
const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 64 })
const app = new Hono()

app.post('/v1/chat/completions', async (c) => {
  const body = JSON.parse(await c.req.text())
  const response = await dispatcher.request({
    origin: upstream.origin,
    path: '/v1/chat/completions',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const contentType = response.headers['content-type'] ?? 'application/octet-stream'
  if (body.stream) return c.body(Readable.toWeb(response.body), response.statusCode, { 'content-type': contentType })
  return c.body(await response.body.text(), response.statusCode, { 'content-type': contentType })
})

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => process.stdout.write(`${JSON.stringify({ port: info.port })}\n`))
server.keepAliveTimeout = 60_000
process.on('SIGTERM', () => process.exit(0))
