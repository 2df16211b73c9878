import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { UpstreamError } from '../../errors/upstream-error'
import { createUpstreamHttpClient, type UpstreamHttpClient } from './upstream-http-client'

// Loopback only: the mock listens on 127.0.0.1, and "mock.test" resolves to it through the injected lookup.
const open: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close()
})

async function startUpstream(handle: (path: string) => { status: number; headers?: Record<string, string>; body?: string }) {
  const paths: string[] = []
  let connections = 0
  const server = createServer((request, response) => {
    paths.push(request.url ?? '')
    const answer = handle(request.url ?? '')
    response.writeHead(answer.status, answer.headers ?? {})
    response.end(answer.body ?? '')
  })
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const upstream = {
    port: (server.address() as AddressInfo).port,
    paths,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  open.push(upstream)
  return upstream
}

function client(options: Parameters<typeof createUpstreamHttpClient>[0]): UpstreamHttpClient {
  const http = createUpstreamHttpClient(options)
  open.push(http)
  return http
}

const mockLookup = async () => [{ address: '127.0.0.1', family: 4 as const }]
const call = (http: UpstreamHttpClient, url: string) => http.request({ instanceId: 'local', url, signal: new AbortController().signal })
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error)

describe('createUpstreamHttpClient: the SSRF guard on every call', () => {
  test('by default a loopback upstream is refused with a 502 endpoint_blocked naming the host, the class and the setting', async () => {
    const upstream = await startUpstream(() => ({ status: 200 }))
    const error = await rejection(call(client({ lookup: mockLookup }), `http://mock.test:${upstream.port}/v1/models`))

    expect(UpstreamError.isUpstreamError(error)).toBe(true)
    expect(error).toMatchObject({ status: 502, type: 'upstream', code: 'endpoint_blocked', instanceId: 'local', connectionError: true })
    expect((error as Error).message).toBe(
      `The SSRF guard refused the upstream of provider "local" (http://mock.test:${upstream.port}): mock.test resolves to 127.0.0.1, which is a loopback address; ` +
        'to use a local model server, start the gateway with --allow-local-endpoints (setting allowLocalEndpoints, or OMNILLM_ALLOW_LOCAL_ENDPOINTS=true).',
    )
    const literal = await rejection(call(client({ allowLocalEndpoints: false }), `http://127.0.0.1:${upstream.port}/v1/models`))
    expect(literal).toMatchObject({ status: 502, code: 'endpoint_blocked' })
    expect(upstream.connections()).toBe(0)
  })

  test('allowLocalEndpoints lets the same upstream through', async () => {
    const upstream = await startUpstream(() => ({ status: 200, body: 'ok' }))
    const response = await call(client({ allowLocalEndpoints: true, lookup: mockLookup }), `http://mock.test:${upstream.port}/v1/models`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('ok')
  })

  test('a redirect is handed back as it is, never followed', async () => {
    const target = await startUpstream(() => ({ status: 200, body: 'followed' }))
    const upstream = await startUpstream(() => ({ status: 302, headers: { location: `http://127.0.0.1:${target.port}/elsewhere` }, body: 'moved' }))
    const response = await call(client({ allowLocalEndpoints: true }), `http://127.0.0.1:${upstream.port}/v1/chat/completions`)

    expect(response.status).toBe(302)
    expect(response.headers.location).toBe(`http://127.0.0.1:${target.port}/elsewhere`)
    expect(await response.text()).toBe('moved')
    expect(upstream.paths).toEqual(['/v1/chat/completions'])
    expect(target.connections()).toBe(0)
  })

  test('an unreachable upstream is still an upstream_connection_error', async () => {
    const upstream = await startUpstream(() => ({ status: 200 }))
    const port = upstream.port
    await upstream.close()
    open.splice(open.indexOf(upstream), 1)
    const error = await rejection(call(client({ allowLocalEndpoints: true }), `http://127.0.0.1:${port}/`))
    expect(error).toMatchObject({ status: 502, code: 'upstream_connection_error', connectionError: true })
  })
})

describe('createUpstreamHttpClient: per-call timeouts', () => {
  /** An upstream that never answers, or sends its headers and a first piece of body and then goes silent. */
  async function startStallingUpstream(options: { sendHeaders: boolean }) {
    const server = createServer((_request, response) => {
      if (!options.sendHeaders) return
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"partial":')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    open.push({
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    })
    return (server.address() as AddressInfo).port
  }
  const timedCall = (url: string, timeouts: { firstByteTimeoutMs?: number; idleTimeoutMs?: number }) =>
    client({ allowLocalEndpoints: true }).request({ instanceId: 'local', url, signal: new AbortController().signal, ...timeouts })

  test('no headers within firstByteTimeoutMs: a retryable 504 upstream_timeout naming the instance and the limit', async () => {
    const port = await startStallingUpstream({ sendHeaders: false })
    const error = await rejection(timedCall(`http://127.0.0.1:${port}/v1/chat/completions`, { firstByteTimeoutMs: 200 }))
    expect(error).toMatchObject({ status: 504, code: 'upstream_timeout', instanceId: 'local', retryable: true, connectionError: false })
    expect((error as Error).message).toContain('provider "local"')
    expect((error as Error).message).toContain('within 200 ms (firstByteTimeoutMs)')
  })

  test('a body silent for idleTimeoutMs fails with a 504 upstream_idle_timeout, read as text or as a stream', async () => {
    const port = await startStallingUpstream({ sendHeaders: true })
    const url = `http://127.0.0.1:${port}/v1/chat/completions`
    const asText = await timedCall(url, { idleTimeoutMs: 200 })
    expect(asText.status).toBe(200)
    const textError = await rejection(asText.text())
    expect(textError).toMatchObject({ status: 504, code: 'upstream_idle_timeout', instanceId: 'local', retryable: true })
    expect((textError as Error).message).toContain('sent nothing for 200 ms (idleTimeoutMs)')

    const asStream = await timedCall(url, { idleTimeoutMs: 200 })
    const streamError = await rejection(new Response(asStream.body).text())
    expect(streamError).toMatchObject({ status: 504, code: 'upstream_idle_timeout' })
  })
})
