import type { CifFinishReason } from '../../cif'
import type { GatewayError } from '../../errors/gateway-error'

export type ResponseStatus = 'in_progress' | 'completed' | 'incomplete' | 'failed'

export interface ResponseError {
  code: string
  message: string
}

export interface TerminalState {
  status: Exclude<ResponseStatus, 'in_progress'>
  incompleteDetails: { reason: 'max_output_tokens' | 'content_filter' } | null
  error: ResponseError | null
}

/** How a finished generation ends the Response: cut short by length or a filter is `incomplete`. */
export function terminalStateFor(finishReason: CifFinishReason): TerminalState {
  if (finishReason.unified === 'length') return { status: 'incomplete', incompleteDetails: { reason: 'max_output_tokens' }, error: null }
  if (finishReason.unified === 'content-filter') return { status: 'incomplete', incompleteDetails: { reason: 'content_filter' }, error: null }
  if (finishReason.unified === 'error') {
    const detail = finishReason.raw ? ` (${finishReason.raw})` : ''
    return { status: 'failed', incompleteDetails: null, error: { code: 'server_error', message: `The upstream ended the response with an error${detail}.` } }
  }
  return { status: 'completed', incompleteDetails: null, error: null }
}

/** A failure after the stream began, as a `response.failed` error (codes from the official list). */
export function responseErrorFor(error: GatewayError): ResponseError {
  const code = error.type === 'rate_limit' ? 'rate_limit_exceeded' : error.type === 'invalid_request' ? 'invalid_prompt' : 'server_error'
  return { code, message: error.message }
}
