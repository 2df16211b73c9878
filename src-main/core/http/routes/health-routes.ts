import { Hono } from 'hono'

export interface HealthInfo {
  version: string
  startedAt: Date
  now: () => Date
}

/**
 * `GET /healthz` (public, minimal: for load balancers and supervisors), `GET /health` (needs the key: it
 * tells version and uptime), and the root that Claude Code probes with `HEAD /` at start-up (public,
 * says nothing but "ok").
 */
export function healthRoutes(info: HealthInfo): Hono {
  const routes = new Hono()
  routes.get('/', (c) => c.json({ name: 'omnillm', status: 'ok' }))
  routes.get('/healthz', (c) => c.json({ status: 'ok' }))
  routes.get('/health', (c) => {
    const now = info.now()
    return c.json({
      status: 'ok',
      version: info.version,
      uptimeSeconds: Math.floor((now.getTime() - info.startedAt.getTime()) / 1000),
      timestamp: now.toISOString(),
    })
  })
  return routes
}
