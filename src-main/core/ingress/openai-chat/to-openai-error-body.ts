import type { GatewayError, GatewayErrorType } from '../../errors/gateway-error'

const openAiErrorTypes: Record<GatewayErrorType, string> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  request_too_large: 'invalid_request_error',
  rate_limit: 'rate_limit_error',
  overloaded: 'server_error',
  upstream: 'server_error',
  internal: 'server_error',
}

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null }
}

/** The OpenAI error object: `{"error":{"message","type","param","code"}}`. */
export function toOpenAiErrorBody(error: GatewayError): OpenAiErrorBody {
  return { error: { message: error.message, type: openAiErrorTypes[error.type], param: null, code: error.code ?? null } }
}
