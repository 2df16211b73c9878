import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestHost, type TestHost } from '../test-support/start-test-host'

/**
 * Every route the app registers × every way of presenting (or not presenting) the key. The route list
 * comes from the app itself, so a route added later is covered without touching this file.
 */
let gateway: TestHost
let routes: Array<{ method: string; path: string; concretePath: string }>

beforeAll(async () => {
  gateway = await startTestHost()
  const seen = new Set<string>()
  routes = gateway.host.gateway.app.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => ({ method: route.method, path: route.path, concretePath: route.path.replace(/:[^/]+/g, 'x').replace(/\*/g, 'x') }))
    .filter((route) => {
      const key = `${route.method} ${route.path}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
})
afterAll(() => gateway.close())

async function call(method: string, path: string, headers: Record<string, string> = {}) {
  const controller = new AbortController()
  const response = await fetch(`${gateway.url}${path}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : '{}',
    redirect: 'manual',
    signal: controller.signal,
  })
  const text = response.headers.get('content-type')?.includes('text/event-stream') ? '' : await response.text()
  controller.abort()
  return { status: response.status, text }
}

const publicRoutes = ['GET /', 'GET /healthz', 'GET /admin', 'GET /admin/*']

describe('inbound API key on every route', () => {
  test('the route table is not empty and has the expected public routes only', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(6)
    const open: string[] = []
    for (const route of routes) {
      const { status } = await call(route.method, route.concretePath)
      if (status !== 401) open.push(`${route.method} ${route.path}`)
    }
    expect(open.sort()).toEqual([...publicRoutes].sort())
  })

  test('no key, a wrong key, and a query-string key (outside event streams) are refused', async () => {
    for (const route of routes.filter((r) => !publicRoutes.includes(`${r.method} ${r.path}`))) {
      const label = `${route.method} ${route.path}`
      expect((await call(route.method, route.concretePath)).status, `${label} without a key`).toBe(401)
      expect((await call(route.method, route.concretePath, { authorization: 'Bearer wrong' })).status, `${label} wrong bearer`).toBe(401)
      expect((await call(route.method, route.concretePath, { 'x-api-key': 'wrong' })).status, `${label} wrong x-api-key`).toBe(401)
      expect((await call(route.method, route.concretePath, { authorization: `Basic ${gateway.apiKey}` })).status, `${label} not bearer`).toBe(401)
      const viaQuery = await call(route.method, `${route.concretePath}?api_key=${encodeURIComponent(gateway.apiKey)}`)
      const isEventStream = route.path === '/api/admin/events'
      expect(viaQuery.status === 401, `${label} ?api_key=`).toBe(!isEventStream)
    }
  })

  test('Bearer (any case) and x-api-key are accepted', async () => {
    for (const route of routes) {
      const label = `${route.method} ${route.path}`
      expect((await call(route.method, route.concretePath, { authorization: `Bearer ${gateway.apiKey}` })).status, label).not.toBe(401)
      expect((await call(route.method, route.concretePath, { authorization: `bearer ${gateway.apiKey}` })).status, label).not.toBe(401)
      expect((await call(route.method, route.concretePath, { 'x-api-key': gateway.apiKey })).status, label).not.toBe(401)
    }
  })

  test('401 bodies are in the caller dialect', async () => {
    const openAi = await call('POST', '/v1/chat/completions')
    expect(openAi.status).toBe(401)
    expect(JSON.parse(openAi.text)).toEqual({ error: { message: expect.stringContaining('Missing API key'), type: 'authentication_error', param: null, code: 'invalid_api_key' } })

    for (const path of ['/v1/messages', '/v1/messages?beta=true', '/v1/messages/count_tokens']) {
      const anthropic = await call('POST', path, { 'x-api-key': 'wrong-key' })
      expect(anthropic.status, path).toBe(401)
      expect(JSON.parse(anthropic.text), path).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'Invalid API key.' } })
    }
  })

  test('the key never appears in a response body', async () => {
    for (const route of routes) {
      const { text } = await call(route.method, route.concretePath)
      expect(text).not.toContain(gateway.apiKey)
    }
  })
})
