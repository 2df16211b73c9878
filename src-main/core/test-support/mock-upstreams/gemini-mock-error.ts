/** An error answer of the mock, in Google's shape: `{"error": {"code", "message", "status", "details"}}`. */
export class GeminiMockError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'GeminiMockError'
  }
}

/** One problem the proto JSON parser reports (`google.rpc.BadRequest.fieldViolations`). */
export interface GeminiFieldViolation {
  field: string
  description: string
}

/** The canonical status names of google.rpc.Code, by HTTP status. */
const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
}

export function geminiStatusName(status: number): string {
  return statusNames[status] ?? (status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION')
}

export function geminiErrorBody(error: GeminiMockError): Record<string, unknown> {
  return { error: { code: error.status, message: error.message, status: geminiStatusName(error.status), ...(error.details.length > 0 ? { details: error.details } : {}) } }
}

/** A plain 400 INVALID_ARGUMENT, as for conversation-level problems ("Please ensure that …"). */
export function rejectGeminiRequest(message: string): never {
  throw new GeminiMockError(400, message)
}

/** Proto parse failures: every violation on its own line, and listed in a BadRequest detail. */
export function geminiParseError(violations: GeminiFieldViolation[]): GeminiMockError {
  return new GeminiMockError(400, violations.map((violation) => violation.description).join('\n'), [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: violations }])
}

/** Validation failures after parsing: `* <Request>.<path>: <problem>` lines, as the API words them. */
export function geminiValidationError(requestType: string, problems: string[]): GeminiMockError {
  return new GeminiMockError(400, problems.map((problem) => `* ${requestType}.${problem}\n`).join(''))
}

/** `ERROR:<status>`: that status with Google's error body (429 carries `retry-after: 7` and a RetryInfo). */
export function geminiMockMarkerError(status: number): GeminiMockError {
  const messages: Record<number, string> = {
    429: 'You exceeded your current quota, please check your plan and billing details. (mock ERROR:429)',
    500: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
    503: 'The model is overloaded. Please try again later.',
  }
  const message = messages[status] ?? `mock upstream error ${status} (ERROR:${status} marker)`
  if (status !== 429) return new GeminiMockError(status, message)
  return new GeminiMockError(status, message, [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }], { 'retry-after': '7' })
}
