import { GatewayError } from '../../errors/gateway-error'
import { toOpenAiErrorBody, type OpenAiErrorBody } from '../openai-chat/to-openai-error-body'

/** An error of the Responses surface whose official body names a `param` (the shared OpenAI body has none). */
export class OpenAiResponsesError extends GatewayError {
  readonly param: string | null

  constructor(options: { status: number; message: string; code: string | null; param?: string | null }) {
    super({ status: options.status, type: 'invalid_request', message: options.message, ...(options.code !== null ? { code: options.code } : {}) })
    this.name = 'OpenAiResponsesError'
    this.param = options.param ?? null
  }

  toBody(): OpenAiErrorBody {
    const body = toOpenAiErrorBody(this)
    return { error: { ...body.error, param: this.param, code: this.code ?? null } }
  }
}

/** The official answer to an unknown `previous_response_id` (a 400, as OpenAI sends it). */
export function previousResponseNotFound(id: string): OpenAiResponsesError {
  return new OpenAiResponsesError({ status: 400, message: `Previous response with id '${id}' not found.`, code: 'previous_response_not_found', param: 'previous_response_id' })
}

/** The official answer to `GET /v1/responses/{id}` for an id that was never stored. */
export function responseNotFound(id: string): OpenAiResponsesError {
  return new OpenAiResponsesError({ status: 404, message: `Response with id '${id}' not found.`, code: null })
}
