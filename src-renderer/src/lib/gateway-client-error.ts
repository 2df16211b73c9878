/**
 * Every failure the renderer's gateway client reports: contract-level errors keep the gateway's code and
 * message; transport failures use the client's own codes (`unauthorized`, `network_error`, `timeout`,
 * `http_error`, `ipc_error`, `invalid_input`, `invalid_response`).
 */
export class GatewayClientError extends Error {
  override readonly name = 'GatewayClientError'
  readonly code: string

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

export function isGatewayClientError(error: unknown): error is GatewayClientError {
  return error instanceof GatewayClientError
}

/** A plain `{ code, message }` for UI state, whatever was thrown. */
export function toClientErrorInfo(error: unknown): { code: string; message: string } {
  if (isGatewayClientError(error)) return { code: error.code, message: error.message }
  return { code: 'unknown', message: error instanceof Error ? error.message : String(error) }
}
