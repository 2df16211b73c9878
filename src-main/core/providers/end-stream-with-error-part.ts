import type { CifStreamPart } from '../cif'
import { UpstreamError } from '../errors/upstream-error'

/**
 * Passes parts through; when the upstream body breaks off (connection reset, socket error) the stream
 * ends with an `error` part instead of a rejected read, so every stream ends with finish or error.
 * A client abort is not reported: nobody is listening. `apiName` ("Gemini") names the upstream in the
 * message ("The Gemini upstream stream of provider …"); without it the message says "The upstream stream".
 */
export function endStreamWithErrorPart(parts: ReadableStream<CifStreamPart>, instanceId: string, signal: AbortSignal, apiName?: string): ReadableStream<CifStreamPart> {
  const upstream = apiName ? `${apiName} upstream` : 'upstream'
  const reader = parts.getReader()
  return new ReadableStream<CifStreamPart>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) controller.close()
        else controller.enqueue(value)
      } catch (error) {
        if (signal.aborted) return controller.error(error)
        // Already an upstream failure with its own message (the idle timeout): passed on as it is.
        if (UpstreamError.isUpstreamError(error)) {
          controller.enqueue({ type: 'error', error })
          return controller.close()
        }
        const message = `The ${upstream} stream of provider "${instanceId}" broke off: ${(error as Error).message}`
        controller.enqueue({ type: 'error', error: new UpstreamError({ instanceId, status: 502, connectionError: true, message, cause: error }) })
        controller.close()
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
}
