import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createRequestLogRepository, openDatabase } from '../store'
import { rawRequest } from '../test-support/raw-request'
import { startTestHost, type TestHost } from '../test-support/start-test-host'
import { VERSION } from '../version'

let gateway: TestHost
let auth: Record<string, string>

beforeAll(async () => {
  gateway = await startTestHost({ flags: { maxBodyBytes: 64 * 1024 } })
  auth = { authorization: `Bearer ${gateway.apiKey}` }
})
afterAll(() => gateway.close())

describe('health', () => {
  test('GET /healthz is public and minimal', async () => {
    const response = await rawRequest(`${gateway.url}/healthz`)
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' })
  })

  test('GET /health tells status, version, uptime and time', async () => {
    const response = await rawRequest(`${gateway.url}/health`, { headers: auth })
    const body = JSON.parse(response.body)
    expect(body).toEqual({ status: 'ok', version: VERSION, uptimeSeconds: expect.any(Number), timestamp: expect.any(String) })
    expect(Date.parse(body.timestamp)).toBeGreaterThan(Date.now() - 60_000)
  })

  test('HEAD / answers 200 without a key (Claude Code probes it at start-up)', async () => {
    const response = await rawRequest(`${gateway.url}/`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.body).toBe('')
  })

  test('every response carries a request id', async () => {
    const response = await rawRequest(`${gateway.url}/healthz`)
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/)
  })
})

describe('bad input gets a clear 4xx in the caller dialect', () => {
  test('unknown route: 404 OpenAI-style', async () => {
    const response = await rawRequest(`${gateway.url}/v1/nothing-here`, { method: 'POST', headers: auth, body: '{}' })
    expect(response.status).toBe(404)
    expect(JSON.parse(response.body)).toEqual({ error: { message: 'Unknown route: POST /v1/nothing-here', type: 'not_found_error', param: null, code: 'unknown_route' } })
  })

  test('unknown route under /v1/messages: 404 Anthropic-style', async () => {
    const response = await rawRequest(`${gateway.url}/v1/messages/nothing`, { method: 'POST', headers: auth, body: '{}' })
    expect(response.status).toBe(404)
    expect(JSON.parse(response.body)).toEqual({ type: 'error', error: { type: 'not_found_error', message: 'Unknown route: POST /v1/messages/nothing' } })
  })

  test('a body over the limit: 413 in dialect', async () => {
    const big = 'x'.repeat(65 * 1024)
    const openAi = await rawRequest(`${gateway.url}/api/admin/gateway:get-status`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: big })
    expect(openAi.status).toBe(413)
    expect(JSON.parse(openAi.body).error).toMatchObject({ type: 'invalid_request_error', code: 'request_too_large' })
    const anthropic = await rawRequest(`${gateway.url}/v1/messages`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: big })
    expect(anthropic.status).toBe(413)
    expect(JSON.parse(anthropic.body)).toMatchObject({ type: 'error', error: { type: 'request_too_large' } })
  })

  test('a chunked body over the limit (no content-length) is also 413', async () => {
    const response = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const outgoing = request(`${gateway.url}/api/admin/gateway:get-status`, { method: 'POST', headers: { ...auth, 'transfer-encoding': 'chunked' } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        outgoing.on('error', reject)
        for (let index = 0; index < 70; index += 1) outgoing.write('y'.repeat(1024))
        outgoing.end()
      }, reject)
    })
    expect(response).toBe(413)
  })

  test('malformed JSON to the admin API: 400 naming the problem', async () => {
    const response = await rawRequest(`${gateway.url}/api/admin/gateway:get-status`, { method: 'POST', headers: auth, body: '{"oops":' })
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'invalid_json', message: expect.stringMatching(/^Malformed JSON body: /) } })
  })

  test('input the contract rejects: 400 with the field', async () => {
    const response = await rawRequest(`${gateway.url}/api/admin/gateway:get-status`, { method: 'POST', headers: auth, body: '{"surprise":1}' })
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('gateway:get-status') } })
  })
})

describe('admin HTTP transport', () => {
  test('gateway:get-status returns the live status in the contract envelope', async () => {
    const response = await rawRequest(`${gateway.url}/api/admin/gateway:get-status`, { method: 'POST', headers: auth })
    expect(response.status).toBe(200)
    const port = Number(new URL(gateway.url).port)
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      value: { version: VERSION, endpoint: gateway.url, host: '127.0.0.1', port, startedAt: expect.any(String), uptimeSeconds: expect.any(Number), secretStore: 'memory', mode: 'headless' },
    })
  })

  test('the event stream pushes status events and accepts ?api_key=', async () => {
    const controller = new AbortController()
    const response = await fetch(`${gateway.url}/api/admin/events?api_key=${encodeURIComponent(gateway.apiKey)}`, { signal: controller.signal })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    const { value } = await reader.read()
    controller.abort()
    const text = new TextDecoder().decode(value)
    expect(text).toContain('event: status')
    expect(JSON.parse(text.split('data: ')[1]!.split('\n')[0]!)).toMatchObject({ ok: true, value: { mode: 'headless' } })
  })
})

describe('CORS: localhost origins only', () => {
  for (const origin of ['http://localhost:3000', 'https://127.0.0.1', 'http://[::1]:8080']) {
    test(`preflight from ${origin} is answered without a key`, async () => {
      const response = await rawRequest(`${gateway.url}/v1/messages`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key, anthropic-version, content-type' },
      })
      expect(response.status).toBe(204)
      expect(response.headers['access-control-allow-origin']).toBe(origin)
      expect(response.headers['access-control-allow-headers']).toBe('x-api-key, anthropic-version, content-type')
    })
  }

  for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null', 'file://']) {
    test(`${origin} gets no CORS headers`, async () => {
      const preflight = await rawRequest(`${gateway.url}/v1/messages`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })
      expect(preflight.status).toBe(403)
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
      const actual = await rawRequest(`${gateway.url}/health`, { headers: { ...auth, origin } })
      expect(actual.headers['access-control-allow-origin']).toBeUndefined()
    })
  }

  test('actual responses to a local origin carry the CORS headers', async () => {
    const response = await rawRequest(`${gateway.url}/health`, { headers: { ...auth, origin: 'http://localhost:5173' } })
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:5173')
    expect(response.headers['access-control-expose-headers']).toContain('x-request-id')
  })
})

describe('DNS-rebinding guard while bound to loopback', () => {
  for (const host of ['localhost:5000', '127.0.0.1', '[::1]:1234', 'LOCALHOST']) {
    test(`Host ${host} is accepted`, async () => {
      expect((await rawRequest(`${gateway.url}/healthz`, { headers: { host } })).status).toBe(200)
    })
  }
  for (const host of ['evil.example', 'evil.example:5000', '192.168.1.10', 'localhost.evil.example']) {
    test(`Host ${host} is refused`, async () => {
      const response = await rawRequest(`${gateway.url}/v1/messages`, { method: 'POST', headers: { ...auth, host }, body: '{}' })
      expect(response.status).toBe(403)
      expect(JSON.parse(response.body)).toMatchObject({ type: 'error', error: { type: 'permission_error' } })
    })
  }
})

describe('request log', () => {
  test('each API request is logged with id, method, path, status, duration, client IP and User-Agent', async () => {
    const response = await rawRequest(`${gateway.url}/api/admin/gateway:get-status`, { method: 'POST', headers: { ...auth, 'user-agent': 'log-probe/1.0' } })
    const requestId = response.headers['x-request-id'] as string
    // The log file is written asynchronously (sonic-boom): flush, and give a write in progress its moment.
    const lineOf = () => {
      gateway.host.gatewayLogger.flush()
      return readFileSync(join(gateway.dataDir, 'logs', 'omnillm.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((text) => JSON.parse(text))
        .find((record) => record.requestId === requestId)
    }
    await expect.poll(lineOf, { timeout: 2000 }).toBeDefined()
    const line = lineOf()
    expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/api/admin/gateway:get-status', status: 200, clientIp: '127.0.0.1', userAgent: 'log-probe/1.0', model: null })
    expect(line.durationMs).toBeGreaterThanOrEqual(0)

    // Rows are committed in batches at most 10 ms after the answer; another connection sees them then.
    const database = openDatabase(join(gateway.dataDir, 'omnillm.db'))
    try {
      const stored = () => createRequestLogRepository(database).listRecent({ limit: 50 }).find((row) => row.requestId === requestId)
      await expect.poll(stored, { timeout: 2000 }).toMatchObject({ method: 'POST', status: 200, clientIp: '127.0.0.1', userAgent: 'log-probe/1.0' })
    } finally {
      database.close()
    }
  })

  test('health probes are not stored', async () => {
    const response = await rawRequest(`${gateway.url}/healthz`)
    // An API request after it: once its row is in, the probe's batch has been written too.
    const later = await rawRequest(`${gateway.url}/api/admin/gateway:get-status`, { method: 'POST', headers: auth })
    const database = openDatabase(join(gateway.dataDir, 'omnillm.db'))
    try {
      const rows = () => createRequestLogRepository(database).listRecent({ limit: 500 })
      await expect.poll(() => rows().some((row) => row.requestId === later.headers['x-request-id']), { timeout: 2000 }).toBe(true)
      expect(rows().some((row) => row.requestId === response.headers['x-request-id'])).toBe(false)
    } finally {
      database.close()
    }
  })

  test('the console shows readable lines', () => {
    expect(gateway.consoleLines.some((line) => /^\d\d:\d\d:\d\d INFO {2}omnillm listening on http:\/\/127\.0\.0\.1:\d+/.test(line))).toBe(true)
  })
})

describe('log level at run time', () => {
  const post = (channel: string, body?: unknown) =>
    rawRequest(`${gateway.url}/api/admin/${channel}`, { method: 'POST', headers: auth, body: body === undefined ? undefined : JSON.stringify(body) })

  test('settings:set-log-level takes effect at once and is saved for the next start', async () => {
    expect(JSON.parse((await post('settings:get-log-level')).body)).toEqual({ ok: true, value: { level: 'info' } })
    const set = await post('settings:set-log-level', { level: 'debug' })
    expect(JSON.parse(set.body)).toEqual({ ok: true, value: { level: 'debug' } })
    expect(gateway.host.logger.level).toBe('debug')
    expect(gateway.host.logger.isLevelEnabled('debug')).toBe(true)

    const database = openDatabase(join(gateway.dataDir, 'omnillm.db'))
    try {
      expect(database.prepare("SELECT value FROM settings WHERE key = 'logLevel'").get()).toEqual({ value: '"debug"' })
    } finally {
      database.close()
    }
    await post('settings:set-log-level', { level: 'info' })
  })

  test('an unknown level is a 400 naming the field', async () => {
    const response = await post('settings:set-log-level', { level: 'loud' })
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('settings:set-log-level at level') } })
    expect(gateway.host.logger.level).toBe('info')
  })
})
