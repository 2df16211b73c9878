/** What validation of one request accumulates and needs to know. */
export interface AnthropicMockValidationContext {
  /** The `anthropic-version` header (2023-06-01 or 2026-10-21). */
  version: string
  /** The request's `anthropic-beta` values. */
  betas: string[]
  /** Every cache breakpoint in processing order (tools → system → messages), with its TTL. */
  cacheBreakpoints: Array<{ path: string; ttl: '5m' | '1h' }>
}

export function createAnthropicMockValidationContext(headers: Record<string, string>): AnthropicMockValidationContext {
  const betas = (headers['anthropic-beta'] ?? '').split(',').map((beta) => beta.trim()).filter(Boolean)
  return { version: headers['anthropic-version'] ?? '', betas, cacheBreakpoints: [] }
}

/** API version 2026-10-21 removed sampling parameters, assistant documents and user citations. */
export function isAnthropicVersion2026(context: AnthropicMockValidationContext): boolean {
  return context.version >= '2026-10-21'
}

/** True when a beta whose name starts with `prefix` (`context-management-`, …) was sent. */
export function hasAnthropicBeta(context: AnthropicMockValidationContext, prefix: string): boolean {
  return context.betas.some((beta) => beta.startsWith(prefix))
}
