import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'
import { afterEach, describe, expect, test } from 'vitest'
import { createAddressPolicy, type AddressPolicy } from '../../security/address-policy'
import { EndpointBlockedError } from '../../security/endpoint-blocked-error'
import type { HostLookup, ResolvedAddress } from '../../security/host-lookup'
import { createGuardedAgent } from './create-guarded-agent'

// Every socket here goes to loopback. "public.test" resolves (through the injected lookup) to 127.0.0.2,
// which the injected policy treats as a public address; 127.0.0.3 stands in for a private one.
const standIns: Record<string, 'public' | 'private'> = { '127.0.0.2': 'public', '127.0.0.3': 'private' }
const strict = createAddressPolicy({ allowLocalEndpoints: false })
const policy: AddressPolicy = (address) => {
  const standIn = standIns[address]
  return standIn ? { address, addressClass: standIn, allowed: standIn === 'public' } : strict(address)
}

interface Upstream {
  port: number
  /** The local address of every connection the server accepted. */
  connections: string[]
  close(): Promise<void>
}

const open: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close()
})

async function startUpstream(host: string): Promise<Upstream> {
  const connections: string[] = []
  const server: Server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify({ host: request.headers.host, localAddress: request.socket.localAddress }))
  })
  server.on('connection', (socket) => connections.push(socket.localAddress ?? '?'))
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const upstream = {
    port: (server.address() as AddressInfo).port,
    connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  open.push(upstream)
  return upstream
}

function recordingLookup(answers: Record<string, ResolvedAddress[]>): HostLookup & { calls: string[] } {
  const calls: string[] = []
  const lookup = async (hostname: string) => {
    calls.push(hostname)
    const answer = answers[hostname]
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
    return answer
  }
  return Object.assign(lookup, { calls })
}

function agentWith(lookup: HostLookup, addressPolicy: AddressPolicy = policy) {
  const agent = createGuardedAgent({ policy: addressPolicy, lookup })
  open.push({ close: () => agent.close() })
  return agent
}

const get = (agent: ReturnType<typeof createGuardedAgent>, origin: string) => agent.request({ origin, path: '/check', method: 'GET' })
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error)

describe('createGuardedAgent: the pinned connection', () => {
  test('an allowed name connects to exactly the address that was checked, resolved once per connection', async () => {
    const upstream = await startUpstream('127.0.0.2')
    const lookup = recordingLookup({ 'public.test': [{ address: '127.0.0.2', family: 4 }] })
    const agent = agentWith(lookup)

    for (let round = 0; round < 3; round++) {
      const response = await get(agent, `http://public.test:${upstream.port}`)
      expect(response.statusCode).toBe(200)
      // The Host header still names the host; only the address lookup is replaced.
      expect(await response.body.json()).toEqual({ host: `public.test:${upstream.port}`, localAddress: '127.0.0.2' })
    }
    // One lookup per new connection, never one per request (undici may open a second one for the pool).
    expect(upstream.connections.length).toBeLessThan(3)
    expect(upstream.connections.every((address) => address === '127.0.0.2')).toBe(true)
    expect(lookup.calls).toEqual(upstream.connections.map(() => 'public.test'))
  })

  test('a name that resolves to a disallowed address is refused before any connection', async () => {
    const upstream = await startUpstream('127.0.0.1')
    const lookup = recordingLookup({ 'internal.test': [{ address: '127.0.0.1', family: 4 }] })
    const error = await rejection(get(agentWith(lookup), `http://internal.test:${upstream.port}`))

    expect(error).toBeInstanceOf(EndpointBlockedError)
    expect(error).toMatchObject({ hostname: 'internal.test', address: '127.0.0.1', addressClass: 'loopback', code: 'ENDPOINT_BLOCKED' })
    expect((error as Error).message).toBe(
      'internal.test resolves to 127.0.0.1, which is a loopback address; to use a local model server, start the gateway with --allow-local-endpoints (setting allowLocalEndpoints, or OMNILLM_ALLOW_LOCAL_ENDPOINTS=true)',
    )
    expect(upstream.connections).toEqual([])
  })

  test('one disallowed address among several refuses the name, whatever the order', async () => {
    const upstream = await startUpstream('127.0.0.2')
    const mixed = recordingLookup({
      'first.test': [
        { address: '127.0.0.2', family: 4 },
        { address: '127.0.0.3', family: 4 },
      ],
      'last.test': [
        { address: '127.0.0.3', family: 4 },
        { address: '127.0.0.2', family: 4 },
      ],
    })
    const agent = agentWith(mixed)
    for (const name of ['first.test', 'last.test']) {
      const error = await rejection(get(agent, `http://${name}:${upstream.port}`))
      expect(error).toMatchObject({ name: 'EndpointBlockedError', hostname: name, address: '127.0.0.3', addressClass: 'private' })
    }
    expect(upstream.connections).toEqual([])
  })

  test('a literal IP is checked as it is, without a lookup', async () => {
    const upstream = await startUpstream('127.0.0.1')
    const lookup = recordingLookup({})
    const error = await rejection(get(agentWith(lookup), `http://127.0.0.1:${upstream.port}`))
    expect(error).toMatchObject({ name: 'EndpointBlockedError', hostname: '127.0.0.1', address: '127.0.0.1', addressClass: 'loopback' })
    expect((error as Error).message).toMatch(/^127\.0\.0\.1 is a loopback address; /)

    const allowed = await startUpstream('127.0.0.2')
    const response = await get(agentWith(lookup), `http://127.0.0.2:${allowed.port}`)
    expect(response.statusCode).toBe(200)
    await response.body.dump()
    expect(lookup.calls).toEqual([])
    expect(upstream.connections).toEqual([])
    expect(allowed.connections).toEqual(['127.0.0.2'])
  })

  test('IPv6: a literal [::1] and a name resolving to ::1 are refused; allowed with the opt-in', async () => {
    const upstream = await startUpstream('::1')
    const lookup = recordingLookup({ 'v6.test': [{ address: '::1', family: 6 }] })
    for (const origin of [`http://[::1]:${upstream.port}`, `http://v6.test:${upstream.port}`]) {
      expect(await rejection(get(agentWith(lookup), origin))).toMatchObject({ name: 'EndpointBlockedError', address: '::1', addressClass: 'loopback' })
    }
    expect(upstream.connections).toEqual([])

    const local = agentWith(lookup, createAddressPolicy({ allowLocalEndpoints: true }))
    const response = await get(local, `http://v6.test:${upstream.port}`)
    expect(await response.body.json()).toMatchObject({ localAddress: '::1' })
  })

  test('https: the pinned address is used and TLS is still asked for the host name (SNI)', async () => {
    // No certificate: the server only records the name the client asks for, then the handshake fails.
    const servernames: string[] = []
    const localAddresses: string[] = []
    const server = createTlsServer({ SNICallback: (servername, done) => (servernames.push(servername), done(new Error('no certificate here'), undefined)) })
    server.on('connection', (socket) => localAddresses.push(socket.localAddress ?? '?'))
    server.on('tlsClientError', () => undefined)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve))
    open.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) })
    const { port } = server.address() as AddressInfo
    const lookup = recordingLookup({ 'public.test': [{ address: '127.0.0.2', family: 4 }], 'internal.test': [{ address: '127.0.0.3', family: 4 }] })

    expect(await rejection(get(agentWith(lookup), `https://internal.test:${port}`))).toMatchObject({ name: 'EndpointBlockedError', addressClass: 'private' })
    expect(localAddresses).toEqual([])

    const error = await rejection(get(agentWith(lookup), `https://public.test:${port}`))
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(EndpointBlockedError)
    expect(localAddresses).toEqual(['127.0.0.2'])
    expect(servernames).toEqual(['public.test'])
    expect(lookup.calls).toEqual(['internal.test', 'public.test'])
  })

  test('a lookup failure is an ordinary connection error', async () => {
    const error = await rejection(get(agentWith(recordingLookup({})), 'http://nowhere.test:1'))
    expect(error).toMatchObject({ code: 'ENOTFOUND' })
    expect(EndpointBlockedError.find(error)).toBeUndefined()
  })
})
