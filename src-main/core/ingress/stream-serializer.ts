import type { CifStreamPart } from '../cif'
import type { GatewayError } from '../errors/gateway-error'

/** What every client surface's serialisers are told about the exchange. */
export interface SerializeContext {
  /** The model name as the client asked for it (echoed back in responses). */
  model: string
  requestId: string
  /** Unix seconds. */
  created: number
}

/**
 * Turns canonical stream parts into the client dialect's SSE text, one part at a time. State (open
 * blocks, indexes, accumulated output) lives inside; one serializer per response.
 */
export interface StreamSerializer {
  /** SSE text for one part ('' when the part produces nothing in this dialect). `finish` and `error` end the stream. */
  write(part: CifStreamPart): string
  /** A keep-alive frame for a quiet stream (Anthropic `ping`, an SSE comment elsewhere). */
  keepAlive(): string
  /** Ends the stream with the dialect's error event, for failures outside the part stream (a reset upstream). */
  error(error: GatewayError): string
}
