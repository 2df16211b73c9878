import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Logger } from 'pino'
import type { AdminService } from '../admin/admin-service'
import { GatewayError } from '../errors/gateway-error'
import type { RequestLogRepository } from '../store'
import { errorResponse } from './error-dialect'
import type { GatewayEnv } from './gateway-env'
import { apiKeyAuth } from './middleware/api-key-auth'
import { hostGuard } from './middleware/host-guard'
import { localCors } from './middleware/local-cors'
import { manualApproval } from './middleware/manual-approval'
import { rateLimit } from './middleware/rate-limit'
import { requestLog } from './middleware/request-log'
import { ADMIN_EVENTS_PATH, adminHttpRoutes, type AdminHttpOptions } from './routes/admin-http-routes'
import { adminStaticRoutes } from './routes/admin-static-routes'
import { embeddingsRoutes } from './routes/embeddings-routes'
import { healthRoutes } from './routes/health-routes'
import { modelsRoutes } from './routes/models-routes'
import { usageRoutes } from './routes/usage-routes'
import type { GatewayPipeline } from '../pipeline/create-gateway-pipeline'
import type { Settings } from '../config/gateway-config-schema'
import type { ApprovalQueue } from '../limits/create-approval-queue'
import { createRateLimiter } from '../limits/create-rate-limiter'
import { describeRateLimit } from '../limits/describe-rate-limit'
import { anthropicMessagesRoutes } from '../ingress/anthropic-messages'
import { openAiChatRoutes } from '../ingress/openai-chat'
import { openAiResponsesRoutes } from '../ingress/openai-responses'
import type { OpenAiResponseRepository } from '../store'
import { createCircuitBreaker } from '../routing/create-circuit-breaker'
import { createSessionAffinity } from '../routing/create-session-affinity'

export interface HttpAppOptions {
  apiKey: string
  version: string
  startedAt: Date
  now?: () => Date
  logger: Logger
  admin: AdminService
  maxBodyBytes: number
  /** True when bound to a loopback address: turns on the DNS-rebinding Host check. */
  loopbackOnly: boolean
  requestLogRepository?: RequestLogRepository
  /** Removes registered secret values from text the request log stores (failover reasons quote upstream errors). */
  scrubSecrets?: (text: string) => string
  /** The built renderer, served at /admin/. */
  rendererDir?: string
  adminStatusIntervalMs?: number
  pipeline: GatewayPipeline
  responses: OpenAiResponseRepository
  /** The gateway-wide /v1 rate limit; off when both limits are 0 (or this is left out). */
  rateLimit?: Pick<Settings, 'rateLimitSeconds' | 'rateLimitRpm' | 'rateLimitWait' | 'rateLimitQueueSize'>
  /** The circuit breaker's settings; defaults: 3 failures, 30 s. */
  circuitBreaker?: Pick<Settings, 'circuitBreakerThreshold' | 'circuitBreakerCoolingSeconds'>
  /** Pushes that reach the admin event stream besides the status (sign-in progress, approvals). */
  adminEvents?: AdminHttpOptions['events']
  /** Manual approval (`--manual`): generating /v1 requests wait for the operator's decision. */
  approvals?: ApprovalQueue
  /** settings.showToken: `GET /token` shows the token unmasked. */
  showToken?: boolean
  /** The active provider instance (default: the first one). */
  activeProviderId?: () => string | undefined
}

/** Routes anyone may call. Everything else needs the API key; see the auth matrix test. */
export function isPublicRoute(method: string, path: string): boolean {
  if (path === '/healthz') return true
  if (path === '/' && (method === 'GET' || method === 'HEAD')) return true
  return (method === 'GET' || method === 'HEAD') && (path === '/admin' || path.startsWith('/admin/'))
}

/**
 * /v1 requests that never take a rate-limit slot: reads (`GET /v1/models`, `GET /v1/responses/{id}`) and
 * `POST /v1/messages/count_tokens`. They generate nothing, and clients call them around every real request
 * (Claude Code counts tokens before each turn), so limiting them would spend the budget on bookkeeping.
 */
export function isRateLimitExempt(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD') return true
  return path === '/v1/messages/count_tokens'
}

export function isEventStreamRoute(path: string): boolean {
  return path === ADMIN_EVENTS_PATH
}

function isQuietPath(path: string): boolean {
  return path === '/' || path === '/healthz' || path === '/health' || path.startsWith('/admin')
}

export function createHttpApp(options: HttpAppOptions): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>()
  const onInternalError = (error: unknown) => options.logger.error({ err: error }, 'admin operation failed')

  app.use(requestLog({ logger: options.logger, repository: options.requestLogRepository, isQuiet: isQuietPath, scrub: options.scrubSecrets }))
  if (options.loopbackOnly) app.use(hostGuard())
  app.use(localCors())
  app.use(apiKeyAuth({ apiKey: options.apiKey, isPublic: isPublicRoute, isEventStream: isEventStreamRoute }))
  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: (c) =>
      errorResponse(
        c,
        new GatewayError({
          status: 413,
          type: 'request_too_large',
          code: 'request_too_large',
          message: `Request body is larger than the limit of ${options.maxBodyBytes} bytes (setting maxBodyBytes).`,
        }),
      ),
  })
  // hono's bodyLimit reads c.req.raw.body first, which makes @hono/node-server build a full Request and a web
  // stream for every request. A declared Content-Length (Node's parser holds the body to it) is checked here.
  app.use((c, next) => {
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) return Number(length) > options.maxBodyBytes ? limitBody(c, next) : next()
    return limitBody(c, next)
  })

  // Before the rate limit: a request waiting for a human takes no slot; once approved it queues for one.
  if (options.approvals) app.use('/v1/*', manualApproval({ queue: options.approvals, logger: options.logger, isExempt: isRateLimitExempt }))

  const limits = options.rateLimit
  if (limits && (limits.rateLimitSeconds > 0 || limits.rateLimitRpm > 0)) {
    const limiter = createRateLimiter({
      intervalMs: limits.rateLimitSeconds * 1000,
      requestsPerMinute: limits.rateLimitRpm,
      wait: limits.rateLimitWait,
      queueSize: limits.rateLimitQueueSize,
    })
    // After auth and the body limit: an unauthenticated or oversized request never takes a slot.
    app.use('/v1/*', rateLimit({ limiter, isExempt: isRateLimitExempt, describeLimit: describeRateLimit(limits) }))
  }

  app.route('/', healthRoutes({ version: options.version, startedAt: options.startedAt, now: options.now ?? (() => new Date()) }))
  app.route('/', adminHttpRoutes({ admin: options.admin, statusIntervalMs: options.adminStatusIntervalMs, onInternalError, events: options.adminEvents }))
  app.route('/', adminStaticRoutes(options.rendererDir))
  const breaker = createCircuitBreaker({
    logger: options.logger,
    failureThreshold: options.circuitBreaker?.circuitBreakerThreshold,
    coolingMs: options.circuitBreaker && options.circuitBreaker.circuitBreakerCoolingSeconds * 1000,
  })
  const generation = { resolve: options.pipeline.resolve, logger: options.logger, breaker, affinity: createSessionAffinity({ breaker }) }
  app.route('/', openAiChatRoutes(generation))
  app.route('/', anthropicMessagesRoutes(generation))
  app.route('/', openAiResponsesRoutes({ ...generation, responses: options.responses }))
  app.route('/', modelsRoutes(options.pipeline.catalogue, options.pipeline.virtualModelIds))
  app.route('/', embeddingsRoutes({ resolve: options.pipeline.resolve, logger: options.logger, breaker }))
  app.route('/', usageRoutes({ providers: options.pipeline.providers, activeProviderId: options.activeProviderId ?? (() => options.pipeline.providers.keys().next().value), showToken: options.showToken ?? false }))

  app.notFound((c) => errorResponse(c, new GatewayError({ status: 404, type: 'not_found', code: 'unknown_route', message: `Unknown route: ${c.req.method} ${c.req.path}` })))
  app.onError((error, c) => {
    if (GatewayError.isInstance(error)) return errorResponse(c, error)
    options.logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error')
    return errorResponse(c, new GatewayError({ status: 500, type: 'internal', code: 'internal_error', message: 'Internal gateway error; see the gateway log.' }))
  })
  return app
}
