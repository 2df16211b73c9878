import type { Logger } from 'pino'
import { GatewayError } from '../errors/gateway-error'
import type { StreamSerializer } from '../ingress/stream-serializer'

/**
 * A forwarded (passthrough) SSE body, byte for byte; when it breaks off after the first byte (a reset, the
 * instance's idle timeout) it ends with the client dialect's error event instead of a cut connection.
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
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) controller.close()
        else controller.enqueue(value)
      } catch (error) {
        if (options.signal.aborted) return controller.error(error)
        options.logger.warn({ requestId: options.requestId, err: error }, 'upstream stream failed after the first byte')
        const failure = GatewayError.isInstance(error)
          ? error
          : new GatewayError({ status: 502, type: 'upstream', code: 'stream_error', message: 'The upstream stream broke off.', cause: error })
        controller.enqueue(new TextEncoder().encode(options.serializer.error(failure)))
        controller.close()
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
}
