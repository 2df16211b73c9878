import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

const pageSecurityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
}

/**
 * The built renderer at `/admin/` (public: it holds no secret; the page asks for the API key and sends it
 * with every admin call). Unknown paths under /admin/ get index.html, so client-side routes reload.
 */
export function adminStaticRoutes(rendererDir: string | undefined): Hono {
  const routes = new Hono()
  routes.get('/admin', (c) => c.redirect('/admin/', 308))
  routes.use('/admin/*', async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(pageSecurityHeaders)) c.res.headers.set(name, value)
  })
  if (!rendererDir || !existsSync(join(rendererDir, 'index.html'))) {
    routes.get('/admin/*', (c) =>
      c.text('The admin UI is not built. Run `npm run build` (or `npm start`, which builds first) and reload.', 503),
    )
    return routes
  }
  const stripPrefix = (path: string) => path.replace(/^\/admin/, '') || '/'
  routes.get('/admin/*', serveStatic({ root: rendererDir, rewriteRequestPath: stripPrefix }))
  routes.get('/admin/*', serveStatic({ root: rendererDir, path: 'index.html' }))
  return routes
}
