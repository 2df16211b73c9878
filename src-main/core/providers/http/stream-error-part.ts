import type { CifStreamPart } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'

/**
 * What endStreamWithErrorPart makes of a body that breaks off, for streams that do its job themselves
 * (createJsonSsePartStream's `errorPart`): an `error` part naming the instance (an UpstreamError such as
 * the idle timeout as it is), or undefined after a client abort (the stream just errors: nobody listens).
 */
export function streamErrorPart(error: unknown, instanceId: string, signal: AbortSignal, apiName?: string): CifStreamPart | undefined {
  if (signal.aborted) return undefined
  if (UpstreamError.isUpstreamError(error)) return { type: 'error', error }
  const upstream = apiName ? `${apiName} upstream` : 'upstream'
  const message = `The ${upstream} stream of provider "${instanceId}" broke off: ${(error as Error).message}`
  return { type: 'error', error: new UpstreamError({ instanceId, status: 502, connectionError: true, message, cause: error }) }
}
