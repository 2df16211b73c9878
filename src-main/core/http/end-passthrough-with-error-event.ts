import type { Logger } from 'pino'
import { GatewayError } from '../errors/gateway-error'
import type { StreamSerializer } from '../ingress/stream-serializer'

/**
 * How a forwarded stream says it is over, in every dialect that is passed through: OpenAI chat's `[DONE]`
 * or a finish reason, Anthropic's `message_stop`, a Responses terminal event, or an error event.
 */
const endOfStream = /data: ?\[DONE\]|"finish_reason":\s*"|event: ?message_stop|"type":\s*"message_stop"|"type":\s*"response\.(?:completed|failed|incomplete)"|event: ?error|"error":\s*\{/
/** The last event of a stream fits in this many characters of its end; four UTF-8 bytes each at most. */
const tailLength = 8192
const tailBytes = 4 * tailLength

/**
 * A forwarded (passthrough) SSE body, byte for byte; when it breaks off after the first byte (a reset, the
 * instance's idle timeout), or ends cleanly before its dialect's last event, it ends with the client
 * dialect's error event instead of a cut connection or a stream that only looks complete.
 * A client that hung up gets nothing more.
 */
export function endPassthroughWithErrorEvent(options: {
  body: ReadableStream<Uint8Array>
  serializer: StreamSerializer
  signal: AbortSignal
  logger: Logger
  requestId: string
}): ReadableStream<Uint8Array> {
  const reader = options.body.getReader()
  // The last chunks, enough bytes for the tail; decoded once, at the end (not every chunk on the way).
  let tail: Uint8Array[] = []
  let first = 0 // tail[first..] are kept
  let tailSize = 0
  const keep = (chunk: Uint8Array) => {
    tail.push(chunk)
    tailSize += chunk.byteLength
    while (tailSize - tail[first]!.byteLength >= tailBytes) tailSize -= tail[first++]!.byteLength
    if (first > 1024) {
      tail = tail.slice(first)
      first = 0
    }
  }
  const endWithError = (controller: ReadableStreamDefaultController<Uint8Array>, failure: GatewayError) => {
    controller.enqueue(new TextEncoder().encode(options.serializer.error(failure)))
    controller.close()
  }
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (!done) {
          keep(value)
          return controller.enqueue(value)
        }
        if (endOfStream.test(new TextDecoder().decode(Buffer.concat(tail.slice(first))).slice(-tailLength))) return controller.close()
        options.logger.warn({ requestId: options.requestId }, 'upstream stream ended without a finish')
        endWithError(controller, new GatewayError({ status: 502, type: 'upstream', code: 'stream_truncated', message: 'The upstream stream ended before it finished.' }))
      } catch (error) {
        if (options.signal.aborted) return controller.error(error)
        options.logger.warn({ requestId: options.requestId, err: error }, 'upstream stream failed after the first byte')
        const failure = GatewayError.isInstance(error)
          ? error
          : new GatewayError({ status: 502, type: 'upstream', code: 'stream_error', message: 'The upstream stream broke off.', cause: error })
        endWithError(controller, failure)
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
}
