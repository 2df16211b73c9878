import type { Context } from 'hono'
import type { Logger } from 'pino'
import type { CifDialect, CifRequest, CifResult, CifStreamPart, CifWarning } from '../cif'
import { resultToStreamParts } from '../cif/result-to-stream-parts'
import { UpstreamError } from '../errors/upstream-error'
import { GatewayError } from '../errors/gateway-error'
import type { SerializeContext, StreamSerializer } from '../ingress/stream-serializer'
import { withModel } from '../providers/http/json-text'
import type { PassthroughOperation, ProviderCallOptions } from '../providers/provider-definition'
import type { ResolvedCandidate, ResolvedRoute } from '../pipeline/resolve-route'
import type { CircuitBreaker } from '../routing/create-circuit-breaker'
import type { SessionAffinity } from '../routing/create-session-affinity'
import { failOver } from '../routing/fail-over'
import { sessionKey } from '../routing/session-key'
import { endPassthroughWithErrorEvent } from './end-passthrough-with-error-event'
import type { GatewayEnv } from './gateway-env'
import { readJsonBody } from './read-json-body'
import { recordAttempts } from './record-attempts'

export interface ParsedClientRequest {
  request: CifRequest
  warnings: CifWarning[]
}

/** What one client surface plugs into the shared generation flow. */
export interface GenerationSurface {
  dialect: CifDialect
  /** Client body → CIF; throws a GatewayError (400) naming the field on bad input. */
  parse(body: Record<string, unknown>, headers: Record<string, string>): ParsedClientRequest
  serializeResult(result: CifResult, context: SerializeContext): unknown
  createStreamSerializer(context: SerializeContext): StreamSerializer
  /** When the upstream speaks this surface's dialect, forward the body as it is. */
  passthroughOperation?: PassthroughOperation
  /** False when the body holds something only translation can fix (reasoning another upstream signed). */
  canPassThrough?(parsed: ParsedClientRequest): boolean
}

export interface GenerationDeps {
  resolve(model: string): Promise<ResolvedRoute>
  logger: Logger
  /** A quiet stream gets a keep-alive frame this often. */
  keepAliveMs?: number
  /** Per-instance health across requests: failover tries instances with an open circuit last. */
  breaker?: CircuitBreaker
  /** Requests of one session go first to the instance that served it last (routes with several candidates only). */
  affinity?: SessionAffinity
}

export function lowerCaseHeaders(c: Context): Record<string, string> {
  const headers: Record<string, string> = {}
  c.req.raw.headers.forEach((value, name) => (headers[name] = value))
  return headers
}

/**
 * The request path shared by /v1/chat/completions, /v1/messages and /v1/responses:
 * read JSON → parse to CIF → resolve the model to candidates → for each until one serves (failover before
 * the first byte): passthrough (same dialect) or generate/stream → serialise in the client's dialect.
 * One AbortSignal (the client's) runs to the upstream call.
 */
export async function handleGeneration(c: Context<GatewayEnv>, surface: GenerationSurface, deps: GenerationDeps): Promise<Response> {
  const body = await readJsonBody(c)
  const headers = lowerCaseHeaders(c)
  const parsed = surface.parse(body, headers)
  const clientModel = parsed.request.model
  c.set('model', clientModel)

  const route = await deps.resolve(clientModel)
  const requestId = c.get('requestId')
  const options: ProviderCallOptions = { signal: c.req.raw.signal, clientHeaders: headers, requestId }
  const context: SerializeContext = { model: clientModel, requestId, created: Math.floor(Date.now() / 1000) }
  if (parsed.warnings.length > 0) deps.logger.warn({ requestId, warnings: parsed.warnings }, 'request features the gateway could not express')

  const affinity = route.candidates.length > 1 ? deps.affinity : undefined
  const session = affinity && sessionKey({ model: clientModel, headers, body })
  const attempts = recordAttempts(c)
  return failOver({
    candidates: affinity && session ? affinity.order(route.candidates, session) : route.candidates,
    logger: deps.logger,
    requestId,
    signal: c.req.raw.signal,
    breaker: deps.breaker,
    onFailure: attempts.failed,
    attempt: async (candidate, isLast) => {
      attempts.began(candidate)
      c.header('x-omnillm-provider', candidate.provider.id)
      c.header('x-omnillm-model', candidate.upstreamModel)
      const response = await generateWith({ c, surface, deps, body, parsed, candidate, options, context, isLast })
      if (affinity && session) affinity.remember(session, candidate.provider.id)
      return response
    },
  })
}

/**
 * One candidate's attempt: passthrough (same dialect) or generate/stream, with the candidate's non-streaming
 * fallback. It throws only while nothing has reached the client, so the caller may try the next candidate.
 * On the last candidate the fallback answers 200 at once and keeps the client alive while it waits (as for a
 * single instance); on an earlier one it waits for the non-streaming answer first, so its failure can fail over.
 */
async function generateWith(attempt: {
  c: Context<GatewayEnv>
  surface: GenerationSurface
  deps: GenerationDeps
  body: Record<string, unknown>
  parsed: ParsedClientRequest
  candidate: ResolvedCandidate
  options: ProviderCallOptions
  context: SerializeContext
  isLast: boolean
}): Promise<Response> {
  const { c, surface, deps, body, parsed, candidate, options, context } = attempt
  const { requestId } = options
  // The CIF request with the upstream's model name; built only when it is used (not on a passthrough that serves).
  let cifRequest: CifRequest | undefined
  const upstreamRequest = (): CifRequest => (cifRequest ??= { ...parsed.request, model: candidate.upstreamModel })
  const fallback = async (error: unknown, what: string): Promise<Response> => {
    if (!parsed.request.stream || !candidate.nonStreamingFallback || !worthAFallback(error)) throw error
    const request = upstreamRequest()
    deps.logger.warn({ requestId, err: error, instanceId: candidate.provider.id }, `${what} failed before the first byte; retrying once without streaming`)
    const generate = () => candidate.provider.generate(request, options)
    // The last candidate answers 200 now, keeps the client alive with the dialect's keep-alives, and
    // re-streams one non-streaming answer (or ends with the dialect's error event).
    if (attempt.isLast) return streamToClient(c, fallbackParts(generate), surface.createStreamSerializer(context), deps, requestId)
    const result = await generate()
    return streamToClient(c, readableOf(resultToStreamParts(result)), surface.createStreamSerializer(context), deps, requestId)
  }

  const operation = passthroughOperationFor(surface, candidate, parsed)
  if (operation && candidate.provider.passthrough) {
    try {
      const upstream = await candidate.provider.passthrough(
        { operation, body: withModel(body, candidate.upstreamModel), stream: parsed.request.stream },
        options,
      )
      const headers = { 'content-type': upstream.contentType, 'cache-control': 'no-cache' }
      // An answer read to its end (any non-stream answer) goes out as one string: one write to the socket,
      // with a Content-Length, instead of a web stream the server reads back chunk by chunk.
      if (typeof upstream.body === 'string') return c.body(upstream.body, upstream.status as 200, headers)
      const forwarded = parsed.request.stream && upstream.contentType.includes('text/event-stream')
        ? endPassthroughWithErrorEvent({ body: upstream.body, serializer: surface.createStreamSerializer(context), signal: options.signal, logger: deps.logger, requestId })
        : upstream.body
      return c.body(forwarded, upstream.status as 200, headers)
    } catch (error) {
      return fallback(error, 'passthrough stream')
    }
  }

  const request = upstreamRequest()
  if (!request.stream) {
    const result = await candidate.provider.generate(request, options)
    logWarnings(deps.logger, requestId, result.warnings)
    return c.json(surface.serializeResult(result, context) as object)
  }

  let parts: ReadableStream<CifStreamPart>
  try {
    parts = await candidate.provider.stream(request, options)
  } catch (error) {
    return fallback(error, 'stream')
  }
  return streamToClient(c, parts, surface.createStreamSerializer(context), deps, requestId)
}

/** Ready parts as a stream. */
function readableOf(parts: CifStreamPart[]): ReadableStream<CifStreamPart> {
  return new ReadableStream<CifStreamPart>({
    start(controller) {
      for (const part of parts) controller.enqueue(part)
      controller.close()
    },
  })
}

/** Pipes canonical parts to the client as SSE in its dialect, with keep-alives while the stream is quiet. */
function streamToClient(c: Context<GatewayEnv>, parts: ReadableStream<CifStreamPart>, serializer: StreamSerializer, deps: GenerationDeps, requestId: string): Response {
  const encoder = new TextEncoder()
  const keepAliveMs = deps.keepAliveMs ?? 10_000
  const reader = parts.getReader()
  let timer: ReturnType<typeof setInterval> | undefined

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setInterval(() => controller.enqueue(encoder.encode(serializer.keepAlive())), keepAliveMs)
    },
    // Reads parts until one produces output: a pull that enqueues nothing would not be called again.
    async pull(controller) {
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) {
            // A provider must end with finish or error; a stream that just stops must not look complete.
            clearInterval(timer)
            deps.logger.warn({ requestId }, 'upstream stream ended without a finish')
            controller.enqueue(encoder.encode(serializer.error(truncatedStreamError())))
            controller.close()
            return
          }
          if (value.type === 'stream-start') logWarnings(deps.logger, requestId, value.warnings)
          if (value.type === 'error') deps.logger.warn({ requestId, err: value.error }, 'upstream stream failed after the first byte')
          const text = serializer.write(value)
          if (text) controller.enqueue(encoder.encode(text))
          if (value.type === 'finish' || value.type === 'error') {
            clearInterval(timer)
            controller.close()
            await reader.cancel().catch(() => undefined)
            return
          }
          if (text) return
        }
      } catch (error) {
        clearInterval(timer)
        if (c.req.raw.signal.aborted) return controller.close()
        deps.logger.error({ requestId, err: error }, 'stream broke')
        const failure = GatewayError.isInstance(error)
          ? error
          : new GatewayError({ status: 502, type: 'upstream', code: 'stream_error', message: 'The upstream stream broke off.', cause: error })
        controller.enqueue(encoder.encode(serializer.error(failure)))
        controller.close()
      }
    },
    async cancel() {
      clearInterval(timer)
      await reader.cancel().catch(() => undefined)
    },
  })

  return c.body(stream, 200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
}

/**
 * Forward the client's body as it is when the upstream speaks the surface's dialect (or says it can forward
 * this operation, like an OpenAI-wire vendor with an Anthropic-compatible endpoint) and nothing in the body
 * needs translating.
 */
function passthroughOperationFor(surface: GenerationSurface, route: ResolvedCandidate, parsed: ParsedClientRequest): PassthroughOperation | undefined {
  const operation = surface.passthroughOperation
  if (!operation || !route.provider.passthrough) return undefined
  const supported = route.provider.passthroughOperations?.includes(operation) ?? route.provider.dialect === surface.dialect
  return supported && (surface.canPassThrough?.(parsed) ?? true) ? operation : undefined
}

/** Connection failures, timeouts and 5xx may pass on a second, simpler try; deterministic 4xx will not. */
function worthAFallback(error: unknown): boolean {
  if (!UpstreamError.isUpstreamError(error)) return false
  return error.connectionError || error.upstreamStatus === 408 || error.upstreamStatus >= 500
}

/** The non-streaming answer as a part stream; its failure becomes the stream's error part. */
function fallbackParts(generate: () => Promise<CifResult>): ReadableStream<CifStreamPart> {
  return new ReadableStream<CifStreamPart>({
    async start(controller) {
      try {
        for (const part of resultToStreamParts(await generate())) controller.enqueue(part)
      } catch (error) {
        const failure = GatewayError.isInstance(error)
          ? error
          : new GatewayError({ status: 502, type: 'upstream', code: 'fallback_failed', message: 'The non-streaming retry failed.', cause: error })
        controller.enqueue({ type: 'error', error: failure })
      }
      controller.close()
    },
  })
}

function truncatedStreamError(): GatewayError {
  return new GatewayError({ status: 502, type: 'upstream', code: 'stream_truncated', message: 'The upstream stream ended before it finished.' })
}

function logWarnings(logger: Logger, requestId: string, warnings: CifWarning[]): void {
  if (warnings.length > 0) logger.warn({ requestId, warnings }, 'the upstream could not express some request features')
}
