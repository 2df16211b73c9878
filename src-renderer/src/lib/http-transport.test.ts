import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { GatewayClientError } from './gateway-client-error'
import { createGatewayClient } from './gateway-client'
import { adminUrl, createHttpTransport } from './http-transport'

const KEY = 'sk-test-admin'
const status = {
  version: '0.1.0',
  endpoint: 'http://127.0.0.1:5000',
  host: '127.0.0.1',
  port: 5000,
  startedAt: '2025-01-01T00:00:00.000Z',
  uptimeSeconds: 42,
  secretStore: 'memory',
  mode: 'headless',
}

type Seen = { path: string; method: string; authorization: string | undefined; contentType: string | undefined; body: string }
type Reply = (seen: Seen) => Response | Promise<Response>

let seen: Seen[] = []
let reply: Reply
let baseUrl = ''
let close: () => Promise<void> = async () => {}

beforeAll(async () => {
  const app = new Hono()
  app.all('*', async (c) => {
    const entry: Seen = {
      path: new URL(c.req.url).pathname,
      method: c.req.method,
      authorization: c.req.header('authorization'),
      contentType: c.req.header('content-type'),
      body: await c.req.text(),
    }
    seen.push(entry)
    return reply(entry)
  })
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      baseUrl = `http://127.0.0.1:${info.port}`
      resolve()
    })
    close = () => new Promise<void>((done) => server.close(() => done()))
  })
})

afterAll(() => close())

beforeEach(() => {
  seen = []
  // Like the real gateway: 401 with an OpenAI-style body unless the Bearer key matches, else the envelope.
  reply = ({ authorization }) =>
    authorization === `Bearer ${KEY}`
      ? Response.json({ ok: true, value: status })
      : Response.json({ error: { message: 'Invalid API key.', type: 'authentication_error' } }, { status: 401 })
})

function client(options: { apiKey?: string | null; onUnauthorized?: () => void; timeoutMs?: number; base?: string } = {}) {
  const apiKey = options.apiKey === undefined ? KEY : options.apiKey
  return createGatewayClient(
    createHttpTransport({
      baseUrl: options.base ?? baseUrl,
      getApiKey: () => apiKey,
      onUnauthorized: options.onUnauthorized,
      timeoutMs: options.timeoutMs,
    }),
  )
}

async function caught(promise: Promise<unknown>): Promise<GatewayClientError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayClientError)
    return error as GatewayClientError
  }
  throw new Error('expected a rejection')
}

describe('HTTP transport + gateway client', () => {
  it('POSTs the validated input as JSON to /api/admin/<channel> with the Bearer key and unwraps the value', async () => {
    await expect(client().getStatus()).resolves.toEqual(status)
    expect(seen).toEqual([
      {
        path: '/api/admin/gateway:get-status',
        method: 'POST',
        authorization: `Bearer ${KEY}`,
        contentType: 'application/json',
        body: '{}',
      },
    ])
  })

  it('builds the URL from the origin, ignoring the page path (/admin/)', () => {
    expect(adminUrl('http://127.0.0.1:5000', 'gateway:get-status')).toBe('http://127.0.0.1:5000/api/admin/gateway:get-status')
    expect(adminUrl('http://127.0.0.1:5000/admin/', 'gateway:get-status')).toBe('http://127.0.0.1:5000/api/admin/gateway:get-status')
  })

  it('maps 401 to `unauthorized` with the gateway message and calls onUnauthorized', async () => {
    let rejected = 0
    const error = await caught(client({ apiKey: 'wrong', onUnauthorized: () => rejected++ }).getStatus())
    expect(error.code).toBe('unauthorized')
    expect(error.message).toBe('Invalid API key.')
    expect(rejected).toBe(1)
  })

  it('sends no Authorization header without a key', async () => {
    const error = await caught(client({ apiKey: null }).getStatus())
    expect(error.code).toBe('unauthorized')
    expect(seen[0]?.authorization).toBeUndefined()
  })

  it('throws contract-level errors with their code and message', async () => {
    reply = () => Response.json({ ok: false, error: { code: 'internal', message: 'The admin operation failed.' } })
    const error = await caught(client().getStatus())
    expect([error.code, error.message]).toEqual(['internal', 'The admin operation failed.'])
  })

  it('rejects values that do not match the contract output as `invalid_response`', async () => {
    reply = () => Response.json({ ok: true, value: { ...status, mode: 'cloud' } })
    expect((await caught(client().getStatus())).code).toBe('invalid_response')
    reply = () => Response.json({ hello: 'world' })
    expect((await caught(client().getStatus())).code).toBe('invalid_response')
    reply = () => new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } })
    expect((await caught(client().getStatus())).code).toBe('invalid_response')
  })

  it('maps other HTTP failures to `http_error`, keeping an OpenAI-style message', async () => {
    reply = () => Response.json({ error: { message: 'No such admin channel.', type: 'not_found' } }, { status: 404 })
    const notFound = await caught(client().getStatus())
    expect([notFound.code, notFound.message]).toEqual(['http_error', 'No such admin channel.'])

    reply = () => new Response('Bad Gateway', { status: 502 })
    const badGateway = await caught(client().getStatus())
    expect([badGateway.code, badGateway.message]).toEqual(['http_error', 'The gateway answered HTTP 502.'])
  })

  it('passes an envelope through even on a non-2xx status', async () => {
    reply = () => Response.json({ ok: false, error: { code: 'unavailable', message: 'Shutting down.' } }, { status: 503 })
    expect((await caught(client().getStatus())).code).toBe('unavailable')
  })

  it('rejects invalid input before sending anything', async () => {
    const loose = client().getStatus as unknown as (input: unknown) => Promise<unknown>
    expect((await caught(loose({ unexpected: true }))).code).toBe('invalid_input')
    expect(seen).toHaveLength(0)
  })

  it('maps a slow gateway to `timeout`', async () => {
    reply = () => new Promise((resolve) => setTimeout(() => resolve(Response.json({ ok: true, value: status })), 500))
    expect((await caught(client({ timeoutMs: 50 }).getStatus())).code).toBe('timeout')
  })

  it('maps an unreachable gateway to `network_error`', async () => {
    const dead = serve({ fetch: () => new Response(), hostname: '127.0.0.1', port: 0 })
    const port = await new Promise<number>((resolve) => dead.on('listening', () => resolve((dead.address() as { port: number }).port)))
    await new Promise<void>((done) => dead.close(() => done()))
    expect((await caught(client({ base: `http://127.0.0.1:${port}` }).getStatus())).code).toBe('network_error')
  })

  it('maps a page origin that is not http(s) to `network_error`', async () => {
    expect((await caught(client({ base: 'null' }).getStatus())).code).toBe('network_error')
  })
})
