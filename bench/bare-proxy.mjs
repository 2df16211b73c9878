// The floor of one Node hop: node:http in, undici out (keep-alive pool), the body passed through as bytes.
// What every gateway pays no matter what it does; run as a child process by run.mjs with the upstream URL.
import { createServer } from 'node:http'
import { Agent } from 'undici'

const upstream = new URL(process.argv[2])
const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 64 })

const server = createServer((req, res) => {
  const parts = []
  req.on('data', (part) => parts.push(part))
  req.on('end', async () => {
    try {
      const response = await dispatcher.request({
        origin: upstream.origin,
        path: req.url,
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json', accept: req.headers.accept ?? '*/*' },
        body: Buffer.concat(parts),
      })
      res.writeHead(response.statusCode, { 'content-type': response.headers['content-type'] ?? 'application/octet-stream' })
      for await (const part of response.body) res.write(part)
      res.end()
    } catch (error) {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(String(error))
    }
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`))
process.on('SIGTERM', () => process.exit(0))
