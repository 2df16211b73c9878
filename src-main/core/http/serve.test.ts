import { request } from 'node:http'
import { expect, test } from 'vitest'
import { rawRequest } from '../test-support/raw-request'
import { startTestHost } from '../test-support/start-test-host'

test('starts on a real socket, answers, and stops; the port is free again afterwards', async () => {
  const gateway = await startTestHost()
  const port = Number(new URL(gateway.url).port)
  expect((await rawRequest(`${gateway.url}/healthz`)).status).toBe(200)
  await gateway.host.stop()
  await expect(rawRequest(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow(/ECONNREFUSED/)
  await gateway.close()
})

test('a port in use is one clear line', async () => {
  const first = await startTestHost()
  const port = Number(new URL(first.url).port)
  try {
    await expect(startTestHost({ flags: { port } })).rejects.toThrow(`Port ${port} is already in use on 127.0.0.1; stop the other process or choose another port with --port.`)
  } finally {
    await first.close()
  }
})

test('stop drains a request that is still uploading, then closes', async () => {
  const gateway = await startTestHost()
  const auth = { authorization: `Bearer ${gateway.apiKey}` }
  let stopped = false

  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = request(`${gateway.url}/api/admin/gateway:get-status`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    outgoing.on('error', reject)
    outgoing.write('{')
    setTimeout(() => {
      // The stop has begun by now; the request must still be served.
      expect(stopped).toBe(false)
      outgoing.end('}')
    }, 300)
  })

  await new Promise((resolve) => setTimeout(resolve, 100))
  const stopping = gateway.host.stop().then(() => (stopped = true))
  const { status, body } = await answer
  expect(status).toBe(200)
  expect(JSON.parse(body).ok).toBe(true)
  await stopping
  expect(stopped).toBe(true)
  await gateway.close()
})

test('stop does not wait past the drain timeout for a stream that never ends', async () => {
  const gateway = await startTestHost({ env: { OMNILLM_SHUTDOWN_TIMEOUT_MS: '200' } })
  const response = await fetch(`${gateway.url}/api/admin/events`, { headers: { authorization: `Bearer ${gateway.apiKey}` } })
  expect(response.status).toBe(200)
  const reader = response.body!.getReader()
  await reader.read()
  const started = Date.now()
  await gateway.host.stop()
  expect(Date.now() - started).toBeLessThan(5_000)
  // The connection is cut: the pending read ends or fails, it does not hang.
  const outcome = await Promise.race([
    (async () => {
      for (;;) if ((await reader.read()).done) return 'closed'
    })().catch(() => 'closed'),
    new Promise((resolve) => setTimeout(() => resolve('still open'), 3_000)),
  ])
  expect(outcome).toBe('closed')
  await gateway.close()
})
