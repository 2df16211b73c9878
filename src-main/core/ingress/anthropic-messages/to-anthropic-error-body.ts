import type { GatewayError, GatewayErrorType } from '../../errors/gateway-error'

const anthropicErrorTypes: Record<GatewayErrorType, string> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  request_too_large: 'request_too_large',
  rate_limit: 'rate_limit_error',
  overloaded: 'overloaded_error',
  upstream: 'api_error',
  internal: 'api_error',
}

export interface AnthropicErrorBody {
  type: 'error'
  error: { type: string; message: string }
}

/** The Anthropic error object: `{"type":"error","error":{"type","message"}}`. */
export function toAnthropicErrorBody(error: GatewayError): AnthropicErrorBody {
  return { type: 'error', error: { type: anthropicErrorTypes[error.type], message: error.message } }
}
