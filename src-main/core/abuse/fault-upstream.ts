import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { listenOnLoopback } from '../test-support/mock-upstreams/listen-on-loopback'

/** What the upstream does with one request, named by `FAULT:<kind>` in the last message. */
export const faultKinds = [
  'ok',
  'error-400',
  'error-429',
  'error-500',
  /** The socket is destroyed before any byte of the answer. */
  'reset-before-headers',
  /** Headers and some of the body, then the socket is destroyed. */
  'reset-mid-body',
  /** No answer at all until the gateway gives up (its firstByteTimeoutMs). */
  'hang-before-headers',
  /** Headers and some of the body, then silence until the gateway gives up (its idleTimeoutMs). */
  'stall-mid-body',
  /** Headers and some of the body, then a clean end: a stream without finish_reason nor [DONE], a cut-off JSON. */
  'cut-mid-body',
] as const
export type FaultKind = (typeof faultKinds)[number]

export interface FaultUpstream {
  /** Base URL including `/v1` (OpenAI wire). */
  url: string
  /** Base URL without `/v1` (Anthropic wire, whose provider adds `/v1/messages`). */
  origin: string
  /** Sockets open right now (accepted and not yet closed). */
  openSockets(): number
  /** Requests whose answer has neither ended nor had its socket closed. */
  requestsInFlight(): number
  /** Requests received, by fault kind. */
  received: Map<FaultKind, number>
  close(): Promise<void>
}

const model = 'soak-model'

function chunk(delta: Record<string, unknown>, finishReason: string | null): string {
  const body = { id: 'chatcmpl-soak', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finishReason }] }
  return `data: ${JSON.stringify(body)}\n\n`
}

const completion = JSON.stringify({
  id: 'chatcmpl-soak',
  object: 'chat.completion',
  created: 1_700_000_000,
  model,
  choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'stop', logprobs: null }],
  usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
})

const anthropicMessage = JSON.stringify({
  id: 'msg_soak',
  type: 'message',
  role: 'assistant',
  model,
  content: [{ type: 'text', text: 'pong' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 3, output_tokens: 1 },
})

function anthropicEvent(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`
}

/** The parts of a healthy stream in each wire: the first part alone is what the mid-body faults send. */
const streamParts = {
  openai: [chunk({ role: 'assistant', content: 'po' }, null), chunk({ content: 'ng' }, null), chunk({}, 'stop') + 'data: [DONE]\n\n'],
  anthropic: [
    anthropicEvent('message_start', { message: { ...JSON.parse(anthropicMessage), content: [], stop_reason: null, usage: { input_tokens: 3, output_tokens: 0 } } }) +
      anthropicEvent('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }) +
      anthropicEvent('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'po' } }),
    anthropicEvent('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'ng' } }),
    anthropicEvent('content_block_stop', { index: 0 }) +
      anthropicEvent('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } }) +
      anthropicEvent('message_stop', {}),
  ],
}

function errorBody(wire: 'openai' | 'anthropic', status: number): string {
  const type = status === 400 ? 'invalid_request_error' : status === 429 ? 'rate_limit_error' : 'api_error'
  const message = `injected ${status}`
  return JSON.stringify(wire === 'openai' ? { error: { message, type, code: null } } : { type: 'error', error: { type, message } })
}

function faultOf(body: string): FaultKind {
  const named = /FAULT:([a-z0-9-]+)/.exec(body)?.[1]
  return (faultKinds as readonly string[]).includes(named ?? '') ? (named as FaultKind) : 'ok'
}

/**
 * A small upstream speaking both wires (OpenAI POST /v1/chat/completions, Anthropic POST /v1/messages,
 * streaming or not) that injects transport
 * faults the strict replicas cannot: resets, hangs, stalls and cut-off bodies. It keeps count of its open
 * sockets and unfinished answers so a test can show that the gateway let go of every one. It asks clients
 * to drop idle keep-alive connections after one second, so "no sockets left" can be awaited.
 */
export async function startFaultUpstream(): Promise<FaultUpstream> {
  const sockets = new Set<Socket>()
  const inFlight = new Set<ServerResponse>()
  const received = new Map<FaultKind, number>()

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    inFlight.add(response)
    const settle = () => inFlight.delete(response)
    response.on('finish', settle)
    response.on('close', settle)
    const chunks: Buffer[] = []
    request.on('data', (data: Buffer) => chunks.push(data))
    request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('utf8')))
  })
  server.keepAliveTimeout = 1_000
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  function answer(request: IncomingMessage, response: ServerResponse, text: string): void {
    const wire = request.url === '/v1/chat/completions' ? 'openai' : request.url?.startsWith('/v1/messages') ? 'anthropic' : undefined
    if (request.method !== 'POST' || !wire) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(errorBody('openai', 404))
      return
    }
    const fault = faultOf(text)
    received.set(fault, (received.get(fault) ?? 0) + 1)
    const stream = /"stream"\s*:\s*true/.test(text)
    const headers = { 'content-type': stream ? 'text/event-stream' : 'application/json', 'keep-alive': 'timeout=1' }
    const whole = wire === 'openai' ? completion : anthropicMessage
    const parts = stream ? streamParts[wire] : [whole.slice(0, 40), whole.slice(40)]

    switch (fault) {
      case 'ok':
        response.writeHead(200, headers)
        for (const part of parts.slice(0, -1)) response.write(part)
        response.end(parts.at(-1))
        return
      case 'error-400':
      case 'error-429':
      case 'error-500': {
        // No Retry-After: with one, the gateway rightly rests the instance and answers 429 itself for a while.
        const status = Number(fault.slice(-3))
        response.writeHead(status, { 'content-type': 'application/json', 'keep-alive': 'timeout=1' }).end(errorBody(wire, status))
        return
      }
      case 'reset-before-headers':
        request.socket.destroy()
        return
      case 'reset-mid-body':
        response.writeHead(200, headers)
        response.write(parts[0], () => setImmediate(() => request.socket.destroy()))
        return
      case 'hang-before-headers':
        return // the gateway's first-byte timeout has to end this
      case 'stall-mid-body':
        response.writeHead(200, headers)
        response.write(parts[0])
        return // the gateway's idle timeout has to end this
      case 'cut-mid-body':
        response.writeHead(200, headers)
        response.end(parts[0])
        return
    }
  }

  const listener = await listenOnLoopback(server)
  return {
    url: `${listener.origin}/v1`,
    origin: listener.origin,
    openSockets: () => sockets.size,
    requestsInFlight: () => inFlight.size,
    received,
    close: listener.close,
  }
}
